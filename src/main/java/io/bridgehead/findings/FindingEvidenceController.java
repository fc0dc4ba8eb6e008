package io.bridgehead.findings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Evidence files of a finding: upload, serve, remove. The list is shown by the finding's page. */
@Controller
@RequestMapping("/projects/{projectId}/findings/{findingId}/evidence")
class FindingEvidenceController {

    /** The file may not load or run anything, and is kept in no shared cache. */
    private final FindingEvidence evidence;

    FindingEvidenceController(FindingEvidence evidence) {
        this.evidence = evidence;
    }

    @PostMapping
    String upload(
            @PathVariable UUID projectId,
            @PathVariable UUID findingId,
            @RequestParam(name = "file", required = false) MultipartFile file,
            RedirectAttributes redirect) {
        // The multipart limit (25 MB) bounds what the container accepts; the 20 MB rule is the service's, with its
        // message. A file above it is refused from its size, without reading it into memory.
        try {
            byte[] bytes = file == null ? new byte[0] : bytes(file);
            evidence.add(projectId, findingId, file == null ? null : file.getOriginalFilename(), bytes);
            redirect.addFlashAttribute("flash", "Evidence added.");
        } catch (EvidenceRejected rejected) {
            redirect.addFlashAttribute("evidenceError", rejected.getMessage());
        }
        return "redirect:/projects/" + projectId + "/findings/" + findingId + "#evidence";
    }

    @GetMapping("/{evidenceId}")
    ResponseEntity<byte[]> file(
            @PathVariable UUID projectId, @PathVariable UUID findingId, @PathVariable UUID evidenceId) {
        return evidence.content(projectId, findingId, evidenceId).response();
    }

    @PostMapping("/{evidenceId}/remove")
    String remove(
            @PathVariable UUID projectId,
            @PathVariable UUID findingId,
            @PathVariable UUID evidenceId,
            RedirectAttributes redirect) {
        evidence.remove(projectId, findingId, evidenceId);
        redirect.addFlashAttribute("flash", "Evidence removed.");
        return "redirect:/projects/" + projectId + "/findings/" + findingId + "#evidence";
    }

    private static byte[] bytes(MultipartFile file) {
        if (file.getSize() > FindingEvidence.MAX_BYTES) {
            throw EvidenceRejected.tooManyBytes();
        }
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
