import { describe, expect, it } from 'vitest';
import type { Actor } from './context.js';
import { permissionsOf, requireScope, scopeFor } from './policy.js';

const actor = (over: Partial<Actor>): Actor => ({ userId: 'u', label: 'x', roles: [], scopeUnitId: null, scopeUnitPath: null, employeeId: null, ...over });

describe('policy', () => {
  it('takes the widest scope of all roles', () => {
    expect(scopeFor(actor({ roles: ['pegawai', 'satgas'], employeeId: 'e' }), 'employee.read')).toBe('tenant');
    expect(scopeFor(actor({ roles: ['pimpinan_unit'], scopeUnitPath: '/a/' }), 'employee.read')).toBe('subtree');
    expect(scopeFor(actor({ roles: ['pegawai'], employeeId: 'e' }), 'employee.read')).toBe('self');
  });

  it('denies a subtree scope without a unit and a self scope without an employee', () => {
    expect(scopeFor(actor({ roles: ['pimpinan_unit'] }), 'unit.read')).toBeNull();
    expect(scopeFor(actor({ roles: ['pegawai'] }), 'employee.read')).toBeNull();
  });

  it('says UNAUTHENTICATED to anonymous and FORBIDDEN to the signed-in', () => {
    expect(() => requireScope(actor({ userId: null }), 'unit.read')).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
    expect(() => requireScope(actor({ roles: ['satgas'] }), 'unit.write')).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });

  it('publishes a boolean for every permission', () => {
    const map = permissionsOf(actor({ roles: ['admin'] }));
    expect(map['employee.import']).toBe(true);
    expect(map['tenant.manage']).toBe(false);
  });
});
