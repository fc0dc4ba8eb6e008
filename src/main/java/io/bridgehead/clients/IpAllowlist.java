package io.bridgehead.clients;

import io.bridgehead.shared.RuleViolation;
import io.bridgehead.shared.Text;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The addresses a client's portal accepts: IPv4 and IPv6 addresses or CIDR ranges. Parsed without any DNS lookup (only
 * literals are accepted); an empty list accepts every address.
 */
public record IpAllowlist(List<String> entries) {

    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-f:]*:[0-9a-f:.]*");

    public IpAllowlist {
        entries = List.copyOf(entries);
    }

    /** One entry a line (blank lines ignored); the first wrong line is named in the message. */
    public static IpAllowlist parse(String text) {
        List<String> entries = new ArrayList<>();
        String[] lines = text == null ? new String[0] : text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip().toLowerCase(Locale.ROOT);
            if (line.isEmpty()) {
                continue;
            }
            if (range(line) == null) {
                throw RuleViolation.of(
                        "ipAllowlist",
                        "Line " + (i + 1) + " (\"" + Text.abbreviate(line, 60)
                                + "\") is not an IPv4 or IPv6 address or CIDR"
                                + " range, such as 203.0.113.0/24 or 2001:db8::/32.");
            }
            entries.add(line);
        }
        if (entries.size() > 100) {
            throw RuleViolation.of("ipAllowlist", "Enter at most 100 addresses or ranges.");
        }
        return new IpAllowlist(entries);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Whether the address (as the request origin reports it) is inside one of the ranges; empty lists allow all. */
    public boolean allows(String address) {
        if (entries.isEmpty()) {
            return true;
        }
        byte[] candidate = literal(address == null ? "" : address.strip().toLowerCase(Locale.ROOT));
        return candidate != null && entries.stream().map(IpAllowlist::range).anyMatch(r -> r.contains(candidate));
    }

    private record Range(byte[] network, int prefix) {

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int fullBytes = prefix / 8;
            for (int i = 0; i < fullBytes; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int remainingBits = prefix % 8;
            if (remainingBits == 0) {
                return true;
            }
            int mask = (0xFF << (8 - remainingBits)) & 0xFF;
            return (address[fullBytes] & mask) == (network[fullBytes] & mask);
        }
    }

    private static Range range(String entry) {
        int slash = entry.indexOf('/');
        String host = slash < 0 ? entry : entry.substring(0, slash);
        byte[] address = literal(host);
        if (address == null) {
            return null;
        }
        int maxPrefix = address.length * 8;
        if (slash < 0) {
            return new Range(address, maxPrefix);
        }
        String prefix = entry.substring(slash + 1);
        if (!prefix.matches("\\d{1,3}") || Integer.parseInt(prefix) > maxPrefix) {
            return null;
        }
        return new Range(address, Integer.parseInt(prefix));
    }

    /** The address's bytes, or null; only literals reach InetAddress, so no name is ever looked up. */
    private static byte[] literal(String host) {
        if (!IPV4.matcher(host).matches() && !IPV6.matcher(host).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(host).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
