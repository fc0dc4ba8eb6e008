package io.bridgehead.clients;

import io.bridgehead.access.Permission;
import io.bridgehead.access.Permissions;
import io.bridgehead.audit.AuditAction;
import io.bridgehead.audit.AuditEvent;
import io.bridgehead.shared.NotFoundException;
import io.bridgehead.shared.tenant.TenantContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A client's contacts and their designations; giving Primary to one contact takes it from the other. */
@Service
public class ClientContacts {

    private final ClientContactRepository contacts;
    private final Clients clients;
    private final Permissions permissions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ClientContacts(
            ClientContactRepository contacts,
            Clients clients,
            Permissions permissions,
            ApplicationEventPublisher events,
            Clock clock) {
        this.contacts = contacts;
        this.clients = clients;
        this.permissions = permissions;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ClientContactView> of(UUID clientId) {
        clients.visible(clientId);
        return contacts.listFor(TenantContext.require(), clientId).stream()
                .map(ClientContact::view)
                .toList();
    }

    @Transactional(readOnly = true)
    public ContactForm editForm(UUID clientId, UUID contactId) {
        permissions.require(Permission.EDIT_CLIENTS);
        clients.visible(clientId);
        return find(clientId, contactId).form();
    }

    @Transactional
    public void add(UUID clientId, ContactForm form) {
        permissions.require(Permission.EDIT_CLIENTS);
        Client client = clients.writable(clientId);
        ClientContact contact = new ClientContact(TenantContext.require(), clientId, form, Instant.now(clock));
        if (form.primary()) {
            contacts.clearPrimaryExcept(TenantContext.require(), clientId, contact.id());
        }
        contacts.save(contact);
        client.touch(Instant.now(clock));
        audit(AuditAction.CLIENT_CONTACT_ADDED, client, contact);
    }

    @Transactional
    public void update(UUID clientId, UUID contactId, ContactForm form) {
        permissions.require(Permission.EDIT_CLIENTS);
        Client client = clients.writable(clientId);
        ClientContact contact = find(clientId, contactId);
        if (form.primary()) {
            contacts.clearPrimaryExcept(TenantContext.require(), clientId, contactId);
        }
        contact.update(form);
        client.touch(Instant.now(clock));
        audit(AuditAction.CLIENT_CONTACT_UPDATED, client, contact);
    }

    @Transactional
    public void remove(UUID clientId, UUID contactId) {
        permissions.require(Permission.EDIT_CLIENTS);
        Client client = clients.writable(clientId);
        ClientContact contact = find(clientId, contactId);
        contacts.delete(contact);
        client.touch(Instant.now(clock));
        audit(AuditAction.CLIENT_CONTACT_REMOVED, client, contact);
    }

    private ClientContact find(UUID clientId, UUID contactId) {
        return contacts.findByTenantIdAndClientIdAndId(TenantContext.require(), clientId, contactId)
                .orElseThrow(() -> NotFoundException.of("Contact", contactId));
    }

    private void audit(AuditAction action, Client client, ClientContact contact) {
        events.publishEvent(AuditEvent.byCurrentActor(action, client.name(), contact.fullName())
                .about(client.id(), null, "/clients/" + client.id() + "/contacts"));
    }
}
