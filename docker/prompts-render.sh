#!/bin/sh
# The compose stack's one-shot 'prompts' service (docker/compose.yaml): fills the 'prompts' volume,
# which Asterisk mounts as its sounds folder (<astdatadir>/sounds) and the engine checks at start.
#   1. renders every prompt of the shipped flows, and the engine's own, with 'tabula prompts render'
#      (Festival HTS by default; arguments given to this script are passed on, e.g.
#      --engine-command for the stack test); files already there in the same voice are kept;
#   2. links Debian's core sounds of each language beside them (digits/, letters/, ...), so that
#      SAY DIGITS/NUMBER/DATE find en/digits/40.gsm where Asterisk looks;
#   3. checks with 'tabula prompts check' that every prompt has its file, and fails otherwise.
# Runs as root (the image's entrypoint); files are 0644 and folders 0755, so Asterisk's user reads
# them from its read-only mount.
set -eu

sounds=${TABULA_SOUNDS:-/var/lib/asterisk/sounds}
core=${TABULA_CORE_SOUNDS:-/usr/share/asterisk/sounds}
languages=${TABULA_CORE_LANGUAGES:-en es}
tabula=${TABULA_COMMAND:-/usr/local/bin/tabula}

umask 022
"$tabula" prompts render --sounds "$sounds" "$@"

for lang in $languages; do
  if [ ! -d "$core/$lang" ]; then
    echo "tabula-prompts: no $core/$lang; the image installs asterisk-core-sounds-$lang-gsm (docker/Dockerfile)" >&2
    exit 1
  fi
  mkdir -p "$sounds/$lang"
  for entry in "$core/$lang"/*; do
    target="$sounds/$lang/$(basename "$entry")"
    # Never over a rendered file or folder (tabula/); a link already there is kept.
    if [ ! -e "$target" ] && [ ! -L "$target" ]; then
      ln -s "$entry" "$target"
    fi
  done
done

"$tabula" prompts check "$sounds"
