# Sourced by ./tabula, ./mvnw, bin/java and .ci/run: makes sure JAVA_HOME points at a JDK 25 or newer.
# Order: an existing JAVA_HOME that is new enough, the java on PATH, then /usr/lib/jvm/*.

tabula_java_major() {
  # Prints the feature version of the java binary given, or 0 when it cannot run.
  local version
  version=$("$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')
  echo "${version:-0}" | cut -d. -f1
}

tabula_select_jdk() {
  local candidate
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(tabula_java_major "$JAVA_HOME/bin/java")" -ge 25 ]; then
    return 0
  fi
  if command -v java >/dev/null 2>&1 && [ "$(tabula_java_major "$(command -v java)")" -ge 25 ]; then
    JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    export JAVA_HOME
    return 0
  fi
  for candidate in /usr/lib/jvm/*; do
    if [ -x "$candidate/bin/javac" ] && [ "$(tabula_java_major "$candidate/bin/java")" -ge 25 ]; then
      JAVA_HOME=$candidate
      export JAVA_HOME
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  echo "Tabula needs a JDK 25 or newer, and none was found (JAVA_HOME, PATH, /usr/lib/jvm)." >&2
  echo "Install one (for example Temurin 25) and set JAVA_HOME to it, then run this again." >&2
  return 1
}
