package io.bridgehead.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The application's routes as its handler mappings declare them, for tests that must cover every route. */
public final class Routes {

    private static final Pattern CHOICE = Pattern.compile("\\{[^}:]+:([a-z-]+(\\|[a-z-]+)*)}");

    private Routes() {}

    public record Route(RequestMethod method, String pattern) {}

    /** Every method and pattern of every controller method; a mapping that names no method counts as GET. */
    public static List<Route> ofControllers(ApplicationContext context) {
        List<Route> routes = new ArrayList<>();
        for (RequestMappingHandlerMapping mapping :
                context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                        routes.add(new Route(method, pattern));
                    }
                }
            }
        }
        return routes;
    }

    /** A variable limited to words ({@code {move:remediated|retest}}) stands for each of its words. */
    public static List<String> alternatives(String pattern) {
        Matcher choice = CHOICE.matcher(pattern);
        if (!choice.find()) {
            return List.of(pattern);
        }
        List<String> expanded = new ArrayList<>();
        for (String word : choice.group(1).split("\\|")) {
            expanded.addAll(
                    alternatives(pattern.substring(0, choice.start()) + word + pattern.substring(choice.end())));
        }
        return expanded;
    }
}
