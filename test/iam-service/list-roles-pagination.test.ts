import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CreateRoleCommand, ListRolesCommand, paginateListRoles, type Role } from '@aws-sdk/client-iam';
import { lambdaTrustPolicy, startIamTestKit, type IamTestKit } from './helpers/iamTestKit.ts';

// Source: LocalStack test_iam_roles.snapshot.json TestRolePagination::test_list_roles_pagination
// (IsTruncated and Marker while more roles follow, no Marker on the last page; ListRoles shows
// MaxSessionDuration but no Tags, PermissionsBoundary or RoleLastUsed).
describe('ListRoles pagination', () => {
  let kit: IamTestKit;
  const names = ['role-a', 'role-b', 'role-c', 'role-d', 'role-e'];

  beforeAll(async () => {
    kit = await startIamTestKit();
    for (const name of [...names].reverse()) {
      await kit.iam.send(
        new CreateRoleCommand({ RoleName: name, Path: '/paged/', AssumeRolePolicyDocument: lambdaTrustPolicy, Tags: [{ Key: 'k', Value: 'v' }] }),
      );
    }
  });

  afterAll(async () => {
    await kit.close();
  });

  it('pages by MaxItems and Marker, in name order', async () => {
    const first = await kit.iam.send(new ListRolesCommand({ PathPrefix: '/paged/', MaxItems: 2 }));
    const rest = await kit.iam.send(new ListRolesCommand({ PathPrefix: '/paged/', Marker: first.Marker }));

    expect(first.Roles?.map((role) => role.RoleName)).toEqual(['role-a', 'role-b']);
    expect(first.IsTruncated).toBe(true);
    expect(first.Marker).toEqual(expect.any(String));
    expect(rest.Roles?.map((role) => role.RoleName)).toEqual(['role-c', 'role-d', 'role-e']);
    expect(rest.IsTruncated).toBe(false);
    expect(rest).not.toHaveProperty('Marker');
  });

  it("works with the SDK's paginator, and lists roles without tags", async () => {
    const roles: Role[] = [];
    for await (const page of paginateListRoles({ client: kit.iam, pageSize: 2 }, { PathPrefix: '/paged/' })) {
      roles.push(...(page.Roles ?? []));
    }

    expect(roles.map((role) => role.RoleName)).toEqual(names);
    expect(roles[0]).toMatchObject({ MaxSessionDuration: 3600, Path: '/paged/' });
    expect(roles[0]).not.toHaveProperty('Tags');
    expect(roles[0]).not.toHaveProperty('RoleLastUsed');
  });

  it('answers an empty list for a prefix no role has', async () => {
    const listed = await kit.iam.send(new ListRolesCommand({ PathPrefix: '/nothing-here/' }));

    expect(listed.Roles).toEqual([]);
    expect(listed.IsTruncated).toBe(false);
  });
});
