package io.bridgehead.findings;

import io.bridgehead.projects.Projects;
import io.bridgehead.shared.RuleViolation;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Comments on a finding (shown on its page by templates/findings/comments.html) and @mention suggestions. */
@Controller
@RequestMapping("/projects/{projectId}")
class FindingCommentsController {

    private final FindingComments comments;
    private final Findings findings;
    private final Projects projects;

    FindingCommentsController(FindingComments comments, Findings findings, Projects projects) {
        this.comments = comments;
        this.findings = findings;
        this.projects = projects;
    }

    @ModelAttribute("section")
    String section() {
        return "projects";
    }

    @PostMapping("/findings/{findingId}/comments")
    String add(
            @PathVariable UUID projectId,
            @PathVariable UUID findingId,
            @RequestParam(defaultValue = "") String body,
            @RequestParam(defaultValue = "INTERNAL") CommentVisibility visibility,
            RedirectAttributes redirect) {
        try {
            UUID id = comments.add(projectId, findingId, body, visibility);
            redirect.addFlashAttribute("flash", "Comment added.");
            return "redirect:" + findingPath(projectId, findingId) + "#comment-" + id;
        } catch (RuleViolation violation) {
            redirect.addFlashAttribute("commentProblem", violation.getMessage());
            redirect.addFlashAttribute("commentBody", body);
            redirect.addFlashAttribute("commentVisibility", visibility.name());
            return "redirect:" + findingPath(projectId, findingId) + "#comments";
        }
    }

    @GetMapping("/findings/{findingId}/comments/{commentId}/edit")
    String initEditForm(
            @PathVariable UUID projectId, @PathVariable UUID findingId, @PathVariable UUID commentId, Model model) {
        FindingCommentView comment = comments.forEdit(projectId, findingId, commentId);
        return editPage(projectId, findingId, comment, comment.body(), null, model);
    }

    @PostMapping("/findings/{findingId}/comments/{commentId}")
    String processEditForm(
            @PathVariable UUID projectId,
            @PathVariable UUID findingId,
            @PathVariable UUID commentId,
            @RequestParam(defaultValue = "") String body,
            Model model,
            RedirectAttributes redirect) {
        try {
            comments.edit(projectId, findingId, commentId, body);
            redirect.addFlashAttribute("flash", "Comment saved.");
            return "redirect:" + findingPath(projectId, findingId) + "#comment-" + commentId;
        } catch (RuleViolation violation) {
            FindingCommentView comment = comments.forEdit(projectId, findingId, commentId);
            return editPage(projectId, findingId, comment, body, violation.getMessage(), model);
        }
    }

    @PostMapping("/findings/{findingId}/comments/{commentId}/delete")
    String delete(
            @PathVariable UUID projectId,
            @PathVariable UUID findingId,
            @PathVariable UUID commentId,
            RedirectAttributes redirect) {
        comments.delete(projectId, findingId, commentId);
        redirect.addFlashAttribute("flash", "Comment deleted.");
        return "redirect:" + findingPath(projectId, findingId) + "#comments";
    }

    /** Team members to complete an {@code @mention} with, as JSON for static/js/app.js. */
    @GetMapping(value = "/team/suggest", produces = "application/json")
    @ResponseBody
    List<MentionSuggestion> suggest(@PathVariable UUID projectId, @RequestParam(defaultValue = "") String q) {
        return comments.suggest(projectId, q);
    }

    private String editPage(
            UUID projectId, UUID findingId, FindingCommentView comment, String body, String problem, Model model) {
        model.addAttribute("project", projects.get(projectId));
        model.addAttribute("finding", findings.get(projectId, findingId));
        model.addAttribute("comment", comment);
        model.addAttribute("body", body);
        model.addAttribute("commentProblem", problem);
        return "findings/comment-edit";
    }

    private static String findingPath(UUID projectId, UUID findingId) {
        return "/projects/" + projectId + "/findings/" + findingId;
    }
}
