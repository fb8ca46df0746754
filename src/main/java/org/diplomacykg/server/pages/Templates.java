package org.diplomacykg.server.pages;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;

import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;

/**
 * The HTML templates, FreeMarker files under {@code src/main/resources/templates/}. Files
 * named {@code *.ftlh} are HTML-escaped by default, so data from the graph can never inject
 * markup. One configuration for the whole server (FreeMarker's is thread-safe once set up).
 */
public final class Templates {

    private static final Configuration CONFIG = configure();

    private static Configuration configure() {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setClassForTemplateLoading(Templates.class, "/templates");
        cfg.setDefaultEncoding("UTF-8");
        cfg.setOutputEncoding("UTF-8");
        cfg.setLocale(Locale.ROOT);
        cfg.setRecognizeStandardFileExtensions(true);
        // A page that cannot render is a server error; never print FreeMarker's debug page.
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        return cfg;
    }

    /** Renders {@code name} (e.g. {@code "resource.ftlh"}) with the model to a string. */
    public static String render(String name, Map<String, ?> model) {
        try {
            StringWriter out = new StringWriter();
            CONFIG.getTemplate(name).process(model, out);
            return out.toString();
        } catch (IOException | TemplateException ex) {
            throw new IllegalStateException("Template " + name + " failed: " + ex.getMessage(), ex);
        }
    }

    private Templates() {}
}
