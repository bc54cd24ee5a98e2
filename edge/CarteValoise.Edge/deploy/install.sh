#!/usr/bin/env bash
# Installs (or upgrades) the CarteValoise reader box from a published folder:
#   sudo ./deploy/install.sh            from inside the published folder
#   sudo ./install.sh /path/to/out/box  from anywhere
# Copies the program to /opt/cartevaloise-box, creates the user cartevaloise-box, installs the
# systemd unit and, the first time only, the configuration template /etc/cartevaloise-box.env;
# enables the unit, and starts (or restarts) it once the configuration names a cloud and an
# identity. With DESTDIR set, lays the files out under that folder only (packaging): no user, no systemctl.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source_dir=$(cd "${1:-$here/..}" && pwd)
dest=${DESTDIR:-}
app=$dest/opt/cartevaloise-box
unit=$dest/etc/systemd/system/cartevaloise-box.service
env_file=$dest/etc/cartevaloise-box.env
user=cartevaloise-box

say() { printf '%s\n' "$*"; }
fail() { printf 'install.sh : %s\n' "$*" >&2; exit 1; }

[[ -x $source_dir/CarteValoise.Edge ]] || fail "pas de programme CarteValoise.Edge dans $source_dir (publiez d'abord : dotnet publish edge/CarteValoise.Edge -c Release -r linux-arm64 --self-contained -o out/box)"
[[ -f $source_dir/deploy/cartevaloise-box.service ]] || fail "$source_dir/deploy/cartevaloise-box.service manque"
if [[ -z $dest ]]; then
  [[ $(id -u) -eq 0 ]] || fail "à lancer en root (sudo)"
  command -v systemctl >/dev/null || fail "systemd est nécessaire"
fi

if [[ -z $dest ]] && ! id -u "$user" >/dev/null 2>&1; then
  useradd --system --no-create-home --home-dir /var/lib/cartevaloise-box --shell /usr/sbin/nologin "$user"
  say "Utilisateur $user créé."
fi
if [[ -z $dest ]]; then
  # Only the groups this system has (Raspberry Pi OS has them all).
  for group in gpio spi i2c dialout input; do
    if getent group "$group" >/dev/null; then usermod -a -G "$group" "$user"; fi
  done
fi

# The new version beside the old one, then swapped: a box cut mid-copy keeps a whole program.
mkdir -p "$(dirname "$app")"
rm -rf "$app.new"
cp -a "$source_dir/." "$app.new/"
chown -R 0:0 "$app.new" 2>/dev/null || true
chmod -R u=rwX,go=rX "$app.new"
chmod 755 "$app.new/CarteValoise.Edge"
if [[ -d $app ]]; then
  rm -rf "$app.old"
  mv "$app" "$app.old"
fi
mv "$app.new" "$app"
rm -rf "$app.old"

install -D -m 644 "$source_dir/deploy/cartevaloise-box.service" "$unit"
if [[ ! -e $env_file ]]; then
  install -D -m 640 "$source_dir/deploy/cartevaloise-box.env" "$env_file"
  if [[ -z $dest ]]; then chgrp "$user" "$env_file"; fi
  say "Modèle de configuration posé : $env_file"
else
  say "Configuration existante gardée : $env_file"
fi

if [[ -n $dest ]]; then
  say "Fichiers posés sous $dest."
  exit 0
fi

systemctl daemon-reload
systemctl enable cartevaloise-box.service >/dev/null
configured() {
  grep -Eq '^Box__CloudAddress=https?://' "$env_file" && ! grep -q '^Box__CloudAddress=https://carte.example.fr' "$env_file" \
    && grep -Eq '^(Box__EnrolmentCode|Box__Id)=.+' "$env_file"
}
if configured || [[ -s /var/lib/cartevaloise-box/box-credential.json ]]; then
  systemctl restart cartevaloise-box.service
  say "Boîte démarrée. Suivi : journalctl -u cartevaloise-box -f"
else
  say "Boîte installée mais pas démarrée : renseignez Box__CloudAddress et Box__EnrolmentCode dans $env_file,"
  say "puis : sudo systemctl start cartevaloise-box ; suivi : journalctl -u cartevaloise-box -f"
fi
