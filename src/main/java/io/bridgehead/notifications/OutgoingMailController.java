package io.bridgehead.notifications;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Lets an Admin see what the workspace sent, and copy links by hand when no SMTP server is configured. */
@Controller
class OutgoingMailController {

    private final MailOutbox outbox;

    OutgoingMailController(MailOutbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping("/admin/mail")
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("section", "mail");
        model.addAttribute("mails", outbox.recent(page));
        model.addAttribute("smtpConfigured", outbox.smtpConfigured());
        return "notifications/outgoing-mail";
    }
}
