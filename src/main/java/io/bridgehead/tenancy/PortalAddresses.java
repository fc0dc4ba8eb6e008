package io.bridgehead.tenancy;

import io.bridgehead.shared.web.PublicUrl;
import org.springframework.stereotype.Service;

/** Where a workspace's portal is reached, for links in e-mails. */
@Service
public class PortalAddresses {

    private final PublicUrl publicUrl;

    PortalAddresses(PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
    }

    public String baseUrl(String slug) {
        return publicUrl.of("/portal/" + slug);
    }
}
