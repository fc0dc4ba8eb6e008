package io.bridgehead.clients;

import io.bridgehead.shared.Text;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "client_contact")
class ClientContact {

    @Id
    private UUID id;

    @Column(name = "tenant_id")
    private UUID tenantId;

    @Column(name = "client_id")
    private UUID clientId;

    @Column(name = "full_name")
    private String fullName;

    private String email;
    private String phone;
    private String title;
    private String department;

    @Column(name = "is_primary")
    private boolean primary;

    @Column(name = "is_technical")
    private boolean technical;

    @Column(name = "is_executive")
    private boolean executive;

    @Column(name = "is_billing")
    private boolean billing;

    @Column(name = "created_at")
    private Instant createdAt;

    protected ClientContact() {}

    ClientContact(UUID tenantId, UUID clientId, ContactForm form, Instant now) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.clientId = clientId;
        this.createdAt = now;
        update(form);
    }

    void update(ContactForm form) {
        this.fullName = form.fullName().strip();
        this.email = Text.blankToNull(form.email());
        this.phone = Text.blankToNull(form.phone());
        this.title = Text.blankToNull(form.title());
        this.department = Text.blankToNull(form.department());
        this.primary = form.primary();
        this.technical = form.technical();
        this.executive = form.executive();
        this.billing = form.billing();
    }

    UUID id() {
        return id;
    }

    String fullName() {
        return fullName;
    }

    ContactForm form() {
        return new ContactForm(
                fullName,
                Text.nullToBlank(email),
                Text.nullToBlank(phone),
                Text.nullToBlank(title),
                Text.nullToBlank(department),
                primary,
                technical,
                executive,
                billing);
    }

    ClientContactView view() {
        List<String> designations = new ArrayList<>();
        if (primary) {
            designations.add("Primary contact");
        }
        if (technical) {
            designations.add("Technical contact");
        }
        if (executive) {
            designations.add("Executive sponsor");
        }
        if (billing) {
            designations.add("Billing contact");
        }
        return new ClientContactView(id, fullName, email, phone, title, department, List.copyOf(designations));
    }
}
