package io.tabula.deploy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds the fields of a fabric8 object that its Kubernetes kind does not define. fabric8's model
 * classes accept any field into {@code additionalProperties} (so a typo such as {@code
 * readOnlyRootFileSystem} parses); this walks the object graph and reports every such field with
 * its path.
 */
final class UnknownFields {

  private UnknownFields() {}

  static List<String> find(Object root) {
    List<String> found = new ArrayList<>();
    walk(root, "", found);
    return found;
  }

  private static void walk(Object value, String path, List<String> found) {
    switch (value) {
      case null -> {}
      case List<?> list -> {
        for (int i = 0; i < list.size(); i++) {
          walk(list.get(i), path + "[" + i + "]", found);
        }
      }
      case Map<?, ?> map -> map.forEach((k, v) -> walk(v, path + "." + k, found));
      default -> {
        if (value.getClass().getPackageName().startsWith("io.fabric8.")) {
          walkModel(value, path, found);
        }
      }
    }
  }

  private static void walkModel(Object model, String path, List<String> found) {
    for (Method getter : model.getClass().getMethods()) {
      if (!isGetter(getter)) {
        continue;
      }
      Object child = invoke(getter, model);
      if (getter.getName().equals("getAdditionalProperties")) {
        if (child instanceof Map<?, ?> extra) {
          extra.keySet().forEach(k -> found.add(path + "." + k));
        }
      } else {
        walk(child, path + "." + property(getter), found);
      }
    }
  }

  private static boolean isGetter(Method method) {
    return method.getParameterCount() == 0
        && !Modifier.isStatic(method.getModifiers())
        && method.getName().startsWith("get")
        && !method.getName().equals("getClass")
        && method.getDeclaringClass().getPackageName().startsWith("io.fabric8.");
  }

  private static Object invoke(Method getter, Object model) {
    try {
      return getter.invoke(model);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new AssertionError("cannot read " + getter, e);
    }
  }

  private static String property(Method getter) {
    String name = getter.getName().substring(3);
    return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }
}
