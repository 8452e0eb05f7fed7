#!/usr/bin/env bash
# Prints a filesystem mirror of the hashicorp/aws provider (a folder holding
# registry.terraform.io/hashicorp/aws/<version>/<os>_<arch>/), for machines that reach no Terraform
# registry: $FANOUT_TF_PLUGIN_MIRROR when set, else the first of the usual places that holds one.
# Prints nothing when there is none; `npm run tf:check -- --if-available` then tries the registry.
set -uo pipefail
if [ -n "${FANOUT_TF_PLUGIN_MIRROR:-}" ]; then echo "$FANOUT_TF_PLUGIN_MIRROR"; exit 0; fi
for dir in /opt/tf-plugins "$HOME/.terraform.d/plugins" /usr/local/share/terraform/plugins /usr/share/terraform/plugins; do
  if compgen -G "$dir/registry.terraform.io/hashicorp/aws/*/*/terraform-provider-aws*" >/dev/null; then
    echo "$dir"
    exit 0
  fi
done
exit 0
