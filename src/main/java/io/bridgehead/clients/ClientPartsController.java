package io.bridgehead.clients;

import io.bridgehead.shared.images.LogoRejected;
import io.bridgehead.shared.images.LogoUpload;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A client's contacts, notes and logo. */
@Controller
@RequestMapping("/clients/{id}")
class ClientPartsController {

    private final ClientController pages;
    private final ClientContacts contacts;
    private final ClientNotes notes;
    private final ClientLogos logos;
    private final Clients clients;

    ClientPartsController(
            ClientController pages, ClientContacts contacts, ClientNotes notes, ClientLogos logos, Clients clients) {
        this.pages = pages;
        this.contacts = contacts;
        this.notes = notes;
        this.logos = logos;
        this.clients = clients;
    }

    @ModelAttribute("section")
    String section() {
        return "clients";
    }

    // Contacts ------------------------------------------------------------------------------------------------------

    @PostMapping("/contacts")
    String addContact(
            @PathVariable UUID id,
            @Valid @ModelAttribute("contactForm") ContactForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            // Errors are shown only to those who may add contacts: anyone else gets the 403 a valid form would.
            clients.detailsToChange(id);
            model.addAttribute("contacts", contacts.of(id));
            return pages.tab(id, "contacts", model);
        }
        contacts.add(id, form);
        redirect.addFlashAttribute("flash", "Contact " + form.fullName().strip() + " added.");
        return "redirect:/clients/" + id + "/contacts";
    }

    @GetMapping("/contacts/{contactId}/edit")
    String initContactForm(@PathVariable UUID id, @PathVariable UUID contactId, Model model) {
        model.addAttribute("client", clients.details(id));
        model.addAttribute("contactId", contactId);
        model.addAttribute("contactForm", contacts.editForm(id, contactId));
        return "clients/contact-edit";
    }

    @PostMapping("/contacts/{contactId}")
    String updateContact(
            @PathVariable UUID id,
            @PathVariable UUID contactId,
            @Valid @ModelAttribute("contactForm") ContactForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            model.addAttribute("client", clients.detailsToChange(id));
            model.addAttribute("contactId", contactId);
            contacts.editForm(id, contactId);
            return "clients/contact-edit";
        }
        contacts.update(id, contactId, form);
        redirect.addFlashAttribute("flash", "Contact saved.");
        return "redirect:/clients/" + id + "/contacts";
    }

    @PostMapping("/contacts/{contactId}/remove")
    String removeContact(@PathVariable UUID id, @PathVariable UUID contactId, RedirectAttributes redirect) {
        contacts.remove(id, contactId);
        redirect.addFlashAttribute("flash", "Contact removed.");
        return "redirect:/clients/" + id + "/contacts";
    }

    // Notes ---------------------------------------------------------------------------------------------------------

    @PostMapping("/notes")
    String addNote(
            @PathVariable UUID id,
            @Valid @ModelAttribute("noteForm") NoteForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            // Errors are shown only to those who may add notes: anyone else gets the 403 a valid form would.
            clients.detailsToChange(id);
            model.addAttribute("notes", notes.of(id));
            return pages.tab(id, "notes", model);
        }
        notes.add(id, form);
        redirect.addFlashAttribute("flash", "Note added.");
        return "redirect:/clients/" + id + "/notes";
    }

    @GetMapping("/notes/{noteId}/edit")
    String initNoteForm(@PathVariable UUID id, @PathVariable UUID noteId, Model model) {
        ClientNoteView note = notes.forEdit(id, noteId);
        model.addAttribute("client", clients.details(id));
        model.addAttribute("note", note);
        model.addAttribute("noteForm", new NoteForm(note.body()));
        return "clients/note-edit";
    }

    @PostMapping("/notes/{noteId}")
    String editNote(
            @PathVariable UUID id,
            @PathVariable UUID noteId,
            @Valid @ModelAttribute("noteForm") NoteForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            model.addAttribute("client", clients.details(id));
            model.addAttribute("note", notes.forEdit(id, noteId));
            return "clients/note-edit";
        }
        notes.edit(id, noteId, form);
        redirect.addFlashAttribute("flash", "Note saved.");
        return "redirect:/clients/" + id + "/notes";
    }

    @PostMapping("/notes/{noteId}/delete")
    String deleteNote(@PathVariable UUID id, @PathVariable UUID noteId, RedirectAttributes redirect) {
        notes.delete(id, noteId);
        redirect.addFlashAttribute("flash", "Note deleted.");
        return "redirect:/clients/" + id + "/notes";
    }

    // Logo ----------------------------------------------------------------------------------------------------------

    /** Served as re-encoded PNG only, never sniffed, cached privately (the URL carries the logo version). */
    @GetMapping("/logo")
    ResponseEntity<byte[]> logo(@PathVariable UUID id) {
        return logos.png(id)
                .map(png -> ResponseEntity.ok()
                        .contentType(MediaType.IMAGE_PNG)
                        .cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(30))
                                .cachePrivate())
                        .header("X-Content-Type-Options", "nosniff")
                        .header("Content-Disposition", "inline; filename=\"logo.png\"")
                        .body(png))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).build());
    }

    @GetMapping("/logo/edit")
    String initLogoForm(@PathVariable UUID id, Model model) {
        model.addAttribute("client", clients.detailsToChange(id));
        return "clients/logo";
    }

    @PostMapping("/logo")
    String replaceLogo(@PathVariable UUID id, LogoUpload upload, Model model, RedirectAttributes redirect) {
        try {
            logos.replace(id, upload.bytes(), upload.crop());
        } catch (LogoRejected rejected) {
            model.addAttribute("client", clients.detailsToChange(id));
            model.addAttribute("logoError", rejected.getMessage());
            return "clients/logo";
        }
        redirect.addFlashAttribute("flash", "Logo saved.");
        return "redirect:/clients/" + id;
    }

    @PostMapping("/logo/remove")
    String removeLogo(@PathVariable UUID id, RedirectAttributes redirect) {
        logos.remove(id);
        redirect.addFlashAttribute("flash", "Logo removed.");
        return "redirect:/clients/" + id;
    }
}
