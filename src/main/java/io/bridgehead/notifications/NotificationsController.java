package io.bridgehead.notifications;

import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The current user's notifications: the list behind the bell, opening one, and marking all read. */
@Controller
class NotificationsController {

    private final Notifications notifications;

    NotificationsController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/notifications")
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("section", "notifications");
        model.addAttribute("items", notifications.recent(page));
        return "notifications/list";
    }

    /** Marks the notification read and goes where it points (always a path inside Bridgehead). */
    @PostMapping("/notifications/{id}/open")
    String open(@PathVariable UUID id) {
        return "redirect:" + notifications.markRead(id);
    }

    @PostMapping("/notifications/read-all")
    String markAllRead(RedirectAttributes redirect) {
        notifications.markAllRead();
        redirect.addFlashAttribute("flash", "All notifications marked read.");
        return "redirect:/notifications";
    }
}
