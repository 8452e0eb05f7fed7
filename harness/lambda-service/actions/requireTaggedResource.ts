import * as z from 'zod';
import { constraint } from '../validation.ts';
import { InvalidParameterValueException, ResourceNotFoundException } from '../errors.ts';
import type { ActionContext } from './ActionContext.ts';
import { parseArn } from '../../aws/arn.ts';

/** The ARN pattern of the tagging operations' Resource, as AWS prints it in its ValidationException. */
const RESOURCE_PATTERN = String.raw`arn:(aws[a-zA-Z-]*):lambda:(eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\d{1}:\d{12}:(function:[a-zA-Z0-9-_]+(:(\$LATEST|[a-zA-Z0-9-_]+))?|layer:([a-zA-Z0-9-_]+)|code-signing-config:csc-[a-z0-9]{17}|event-source-mapping:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|capacity-provider:[a-zA-Z0-9-_]+)`;

/** Resource of ListTags, TagResource and UntagResource: a function or event source mapping ARN. */
export const ResourceArnParam = z
  .string()
  .regex(new RegExp(`^(?:${RESOURCE_PATTERN})$`), constraint.pattern(RESOURCE_PATTERN));

/** A taggable resource found by its ARN. */
export interface TaggedResource {
  readonly tags: Readonly<Record<string, string>>;
  /** Replaces the resource's tags. */
  setTags(tags: Readonly<Record<string, string>>): void;
}

/**
 * The function or event source mapping a tagging call names, or Lambda's
 * error for it (LocalStack parity snapshots `TestLambdaTag::test_tag_exceptions[*]`
 * and `TestLambdaTags::test_tag_versions`): a qualified function ARN
 * (version, alias, even `$LATEST`) is refused, an unknown function is
 * "Function not found: <arn>", an unknown mapping "Event source mapping not found: <arn>".
 */
export function requireTaggedResource(ctx: ActionContext<'location' | 'functions' | 'mappings'>, arn: string): TaggedResource {
  const parsed = parseArn(arn);
  const [type, id = '', qualifier] = parsed?.resource.split(':') ?? [];
  const here = parsed?.region === ctx.location.region && parsed.accountId === ctx.location.accountId;
  if (type === 'function') {
    if (qualifier !== undefined) {
      throw new InvalidParameterValueException(
        'Tags on function aliases and versions are not supported. Please specify a function ARN.',
        { messageMember: 'message' },
      );
    }
    const fn = here ? ctx.functions.get(id) : undefined;
    if (!fn) {
      throw ResourceNotFoundException.forFunction(arn);
    }
    return {
      tags: fn.tags,
      setTags: (tags) => {
        const current = ctx.functions.get(id);
        if (current) {
          ctx.functions.put({ ...current, tags: { ...tags } });
        }
      },
    };
  }
  if (type === 'event-source-mapping') {
    const mapping = here ? ctx.mappings.get(id) : undefined;
    if (!mapping) {
      throw ResourceNotFoundException.forMappingArn(arn);
    }
    return {
      tags: mapping.tags,
      setTags: (tags) => ctx.mappings.setTags(id, tags),
    };
  }
  // Layers, code signing configs and capacity providers are not emulated, so none exists.
  throw new ResourceNotFoundException('The resource you requested does not exist.');
}
