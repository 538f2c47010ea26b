package io.tabula.ops.console;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.Map;

/**
 * The console's jte templates, compiled to classes at build time ({@code src/main/jte}). jte
 * escapes every {@code ${...}} for its HTML context, so flow text is never rendered unescaped.
 */
final class Templates {

  private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

  String render(String template, Map<String, Object> params) {
    StringOutput out = new StringOutput();
    engine.render(template, params, out);
    return out.toString();
  }

  void page(Context ctx, String template, Map<String, Object> params) {
    ctx.contentType("text/html; charset=utf-8").result(render(template, params));
  }
}
