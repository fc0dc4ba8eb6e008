package io.bridgehead.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One real SMTP server (GreenMail) for the whole test JVM; tests tell their messages apart by recipient. */
public final class TestMail {

    private static final GreenMail SERVER = start();

    private TestMail() {}

    private static GreenMail start() {
        GreenMail greenMail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return greenMail;
    }

    public static int port() {
        return SERVER.getSmtp().getPort();
    }

    public static List<MimeMessage> to(String recipient) {
        return Arrays.stream(SERVER.getReceivedMessages())
                .filter(m -> isTo(m, recipient))
                .toList();
    }

    public static String body(MimeMessage message) {
        return GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "=");
    }

    /** The first link in the newest message to this recipient that contains the given path. */
    public static String linkTo(String recipient, String path) {
        List<MimeMessage> messages = to(recipient);
        if (messages.isEmpty()) {
            throw new AssertionError("No mail to " + recipient);
        }
        Matcher matcher = Pattern.compile("https?://\\S*" + Pattern.quote(path) + "\\S*")
                .matcher(body(messages.get(messages.size() - 1)));
        if (!matcher.find()) {
            throw new AssertionError("No link to " + path + " in the mail to " + recipient);
        }
        return matcher.group();
    }

    private static boolean isTo(MimeMessage message, String recipient) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> a.toString().equalsIgnoreCase(recipient));
        } catch (jakarta.mail.MessagingException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
