package dev.nixmigrate.generators;

import dev.nixmigrate.core.NixMigrateException;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.InvalidReferenceException;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.ext.beans.BeansWrapper;
import freemarker.ext.beans.ClassMemberAccessPolicy;
import freemarker.ext.beans.MemberAccessPolicy;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.ObjectWrapper;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateNotFoundException;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * FreeMarker, strict: a missing value is an error, never an empty string. Templates come from the
 * {@code templates} module, or from a user folder that holds a file of the same name.
 */
public final class TemplateEngine {
  static final String BUNDLED = "/dev/nixmigrate/templates";
  private final Configuration config;
  private final Path overrideDir;

  public TemplateEngine(Path overrideDir) {
    this.overrideDir = overrideDir;
    config = new Configuration(Configuration.VERSION_2_3_34);
    config.setDefaultEncoding("UTF-8");
    config.setLocale(Locale.ROOT);
    config.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    config.setLogTemplateExceptions(false);
    config.setWrapUncheckedExceptions(true);
    config.setFallbackOnNullLoopVariable(false);
    config.setNumberFormat("computer");
    config.setBooleanFormat("c");
    // Templates may come from a repository, so they are untrusted code: no class may be
    // instantiated by ?new, ?api is off, and the model exposes only nixmigrate's own accessors
    // (no getClass(), no reflection, no constructors or fields).
    config.setAPIBuiltinEnabled(false);
    config.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
    config.setObjectWrapper(modelWrapper());
    config.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
    config.setTemplateLoader(loader(overrideDir));
  }

  /** The object wrapper: methods of nixmigrate's own model types only; nothing else of Java. */
  private static ObjectWrapper modelWrapper() {
    DefaultObjectWrapperBuilder b = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34);
    b.setMemberAccessPolicy(OwnModelOnly.INSTANCE);
    b.setExposureLevel(BeansWrapper.EXPOSE_SAFE);
    return b.build();
  }

  /** Exposes public methods declared by classes of nixmigrate's own packages, and nothing else. */
  private static final class OwnModelOnly implements MemberAccessPolicy {
    static final OwnModelOnly INSTANCE = new OwnModelOnly();

    @Override
    public ClassMemberAccessPolicy forClass(Class<?> contextClass) {
      return new ClassMemberAccessPolicy() {
        @Override
        public boolean isMethodExposed(Method method) {
          return ownType(method.getDeclaringClass())
              && !method.getName().equals("getClass")
              && !Modifier.isStatic(method.getModifiers());
        }

        @Override
        public boolean isConstructorExposed(Constructor<?> constructor) {
          return false;
        }

        @Override
        public boolean isFieldExposed(Field field) {
          return false;
        }
      };
    }

    @Override
    public boolean isToStringAlwaysExposed() {
      return true;
    }

    private static boolean ownType(Class<?> c) {
      return c.getName().startsWith("dev.nixmigrate.");
    }
  }

  private static TemplateLoader loader(Path overrideDir) {
    TemplateLoader bundled = new ClassTemplateLoader(TemplateEngine.class, BUNDLED);
    if (overrideDir == null) {
      return bundled;
    }
    if (!Files.isDirectory(overrideDir)) {
      throw new NixMigrateException(
          NixMigrateException.Kind.BAD_INPUT,
          "template folder " + overrideDir + " does not exist; pass a folder of templates");
    }
    try {
      return new MultiTemplateLoader(
          new TemplateLoader[] {new FileTemplateLoader(overrideDir.toFile()), bundled});
    } catch (IOException e) {
      throw new NixMigrateException(
          NixMigrateException.Kind.BAD_INPUT, "cannot read template folder " + overrideDir, e);
    }
  }

  /** A template error at {@code name:line:column}: bad input, since templates can be the user's. */
  private NixMigrateException bad(String name, Integer line, Integer column, String what) {
    return new NixMigrateException(
        NixMigrateException.Kind.BAD_INPUT, where(name) + ":" + line + ":" + column + ": " + what);
  }

  /** Renders template {@code name} (e.g. {@code step3/flake.nix.ftl}) with {@code model}. */
  public String render(String name, Map<String, Object> model) {
    try {
      Template t = config.getTemplate(name);
      StringWriter out = new StringWriter();
      t.process(model, out);
      return out.toString();
    } catch (TemplateNotFoundException e) {
      throw new IllegalStateException("bundled template " + name + " is missing", e);
    } catch (ParseException e) {
      throw bad(
          name,
          e.getLineNumber(),
          e.getColumnNumber(),
          "template syntax error: " + e.getEditorMessage());
    } catch (TemplateException e) {
      String what =
          e instanceof InvalidReferenceException && e.getBlamedExpressionString() != null
              ? "'" + e.getBlamedExpressionString() + "' is not in the template model"
              : firstLine(e.getMessageWithoutStackTop());
      throw bad(
          name,
          e.getLineNumber(),
          e.getColumnNumber(),
          what + " (the template model is documented in the README)");
    } catch (SecurityException e) {
      // FreeMarker's file loader refuses a template whose real path leaves its folder (a link).
      throw new NixMigrateException(
          NixMigrateException.Kind.BAD_INPUT,
          where(name) + ": a template it includes leads outside the template folder");
    } catch (IOException e) {
      throw new NixMigrateException(
          NixMigrateException.Kind.BAD_INPUT, "cannot read template " + where(name), e);
    }
  }

  private String where(String name) {
    if (overrideDir != null && Files.exists(overrideDir.resolve(name))) {
      return overrideDir.resolve(name).toString();
    }
    return "template " + name;
  }

  private static String firstLine(String s) {
    String t = s == null ? "template error" : s.strip();
    int nl = t.indexOf('\n');
    return nl < 0 ? t : t.substring(0, nl);
  }
}
