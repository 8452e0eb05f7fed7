/**
 * Every container image the harness starts, pinned in this one place.
 * `.drone.yml` and compose/docker-compose.yml cannot import it and repeat the pins; tests check that they agree.
 */
export const pinnedImages = {
  /** The last LocalStack release that starts without `LOCALSTACK_AUTH_TOKEN`; override with `LOCALSTACK_IMAGE`. */
  localstack: 'localstack/localstack:4.14.0',
  /** Runs `terraform init/apply/output` against LocalStack when no host `terraform`/`tofu` is on PATH. */
  terraform: 'hashicorp/terraform:1.9.8',
} as const;

/** LocalStack images newer than this need `LOCALSTACK_AUTH_TOKEN`. */
export const lastLocalStackVersionWithoutToken = '4.14.0';
