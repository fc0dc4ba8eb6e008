package io.bridgehead.clients;

import io.bridgehead.access.Permission;
import io.bridgehead.access.Permissions;
import io.bridgehead.access.PlatformRole;
import io.bridgehead.audit.AuditAction;
import io.bridgehead.audit.AuditEvent;
import io.bridgehead.shared.NotFoundException;
import io.bridgehead.shared.security.Actor;
import io.bridgehead.shared.security.CurrentActor;
import io.bridgehead.shared.tenant.TenantContext;
import io.bridgehead.shared.web.Markdown;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Internal notes on a client: Markdown, with author and time; changed only by their author or an Admin. */
@Service
public class ClientNotes {

    private final ClientNoteRepository notes;
    private final Clients clients;
    private final Permissions permissions;
    private final Markdown markdown;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ClientNotes(
            ClientNoteRepository notes,
            @Lazy Clients clients,
            Permissions permissions,
            Markdown markdown,
            ApplicationEventPublisher events,
            Clock clock) {
        this.markdown = markdown;
        this.notes = notes;
        this.clients = clients;
        this.permissions = permissions;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ClientNoteView> of(UUID clientId) {
        clients.visible(clientId);
        return notes.findTop200ByTenantIdAndClientIdOrderByCreatedAtDesc(TenantContext.require(), clientId).stream()
                .map(this::view)
                .toList();
    }

    /** A note for its edit form: only its author or an Admin may open that. */
    @Transactional(readOnly = true)
    public ClientNoteView forEdit(UUID clientId, UUID noteId) {
        clients.writable(clientId);
        return view(changeable(clientId, noteId));
    }

    @Transactional
    public void add(UUID clientId, NoteForm form) {
        permissions.require(Permission.EDIT_CLIENTS);
        Client client = clients.writable(clientId);
        save(client, form.body());
        client.touch(Instant.now(clock));
    }

    /** The first note, written with the client's creation form. */
    @Transactional(propagation = Propagation.MANDATORY)
    void addFirst(UUID clientId, String body) {
        save(clients.writable(clientId), body);
    }

    @Transactional
    public void edit(UUID clientId, UUID noteId, NoteForm form) {
        Client client = clients.writable(clientId);
        ClientNote note = changeable(clientId, noteId);
        note.edit(form.body().strip(), Instant.now(clock));
        client.touch(Instant.now(clock));
        audit(AuditAction.CLIENT_NOTE_EDITED, client);
    }

    @Transactional
    public void delete(UUID clientId, UUID noteId) {
        Client client = clients.writable(clientId);
        notes.delete(changeable(clientId, noteId));
        client.touch(Instant.now(clock));
        audit(AuditAction.CLIENT_NOTE_DELETED, client);
    }

    private void save(Client client, String body) {
        Actor actor = CurrentActor.get().orElseThrow();
        notes.save(new ClientNote(
                TenantContext.require(),
                client.id(),
                actor.userId(),
                authorName(actor),
                body.strip(),
                Instant.now(clock)));
        audit(AuditAction.CLIENT_NOTE_ADDED, client);
    }

    private ClientNote changeable(UUID clientId, UUID noteId) {
        ClientNote note = find(clientId, noteId);
        if (!mayChange(note)) {
            throw permissions.denied("Note " + noteId, "Only the author or an Admin may change a note");
        }
        return note;
    }

    private ClientNoteView view(ClientNote note) {
        return note.view(markdown.toHtml(note.body()), mayChange(note));
    }

    private boolean mayChange(ClientNote note) {
        boolean author =
                CurrentActor.get().map(a -> a.userId().equals(note.authorId())).orElse(false);
        return (author && permissions.can(Permission.EDIT_CLIENTS))
                || permissions.currentRole().map(r -> r == PlatformRole.ADMIN).orElse(false);
    }

    private ClientNote find(UUID clientId, UUID noteId) {
        return notes.findByTenantIdAndClientIdAndId(TenantContext.require(), clientId, noteId)
                .orElseThrow(() -> NotFoundException.of("Note", noteId));
    }

    private static String authorName(Actor actor) {
        return actor instanceof io.bridgehead.shared.security.NamedActor named ? named.fullName() : actor.email();
    }

    private void audit(AuditAction action, Client client) {
        events.publishEvent(AuditEvent.byCurrentActor(action, client.name(), null)
                .about(client.id(), null, "/clients/" + client.id() + "/notes"));
    }
}
