import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ProblemError } from '../api/client';
import { Login } from '../pages/Login';
import { pagesFor } from '../App';
import { refusalOf } from './forms';

describe('refusals', () => {
  it('land next to the field the platform quotes, else above the form', () => {
    const quoted = new ProblemError({ status: 400, title: 'Bad Request', detail: "'slug' is taken" });
    expect(refusalOf(quoted, ['name', 'slug'])).toEqual({ fields: { slug: "'slug' is taken" }, message: undefined });
    const listed = new ProblemError({ status: 400, title: 'Invalid request', detail: '/admin/password: too short',
      errors: [{ pointer: '/admin/password', detail: 'must be at least 12 characters long' }, { pointer: '/extra', detail: 'not allowed' }] });
    expect(refusalOf(listed, ['name', 'admin.password'])).toEqual({
      fields: { 'admin.password': 'must be at least 12 characters long' }, message: 'extra: not allowed' });
    const unnamed = new ProblemError({ status: 409, title: 'Conflict', detail: 'a tenant with slug x exists already' });
    expect(refusalOf(unnamed, ['name'])).toEqual({ fields: {}, message: 'a tenant with slug x exists already' });
  });

  it('are read out with their field in the sign-in form, and what was typed stays', async () => {
    render(<Login onSubmit={async () => { throw new ProblemError({ status: 400, title: 'Bad Request', detail: "'password' is required" }); }} />);
    fireEvent.change(screen.getByLabelText('Username'), { target: { value: 'anna' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe("'password' is required"));
    expect(screen.getByLabelText('Password').getAttribute('aria-invalid')).toBe('true');
    expect((screen.getByLabelText('Username') as HTMLInputElement).value).toBe('anna');
  });
});

describe('the menu', () => {
  it('shows each role the pages its job needs', () => {
    expect(pagesFor(['OPERATOR']).map((p) => p.id)).toEqual(['tenants']);
    expect(pagesFor(['MARKETER']).map((p) => p.id)).toEqual(['segments', 'campaigns', 'traffic']);
    expect(pagesFor(['STORE_MANAGER']).map((p) => p.id)).toEqual(['stores', 'members', 'alerts', 'traffic']);
    expect(pagesFor(['CASHIER'])).toEqual([]);
    expect(pagesFor(['TENANT_ADMIN']).map((p) => p.id)).toEqual(['stores', 'staff', 'members', 'settings', 'program', 'notices', 'webhooks', 'segments', 'campaigns', 'alerts', 'traffic']);
  });
});

describe('a call', () => {
  it('asks for the password again on a 401 mid-session, but never for the sign-in itself', async () => {
    const { call, useToken, whenExpired } = await import('../api/client');
    useToken('old-token');
    let asked = 0;
    whenExpired(async () => { asked++; });
    const refused = () => Promise.resolve({ error: { status: 401, title: 'Unauthorized' }, response: new Response(null, { status: 401 }) });
    await expect(call(refused, { signIn: true })).rejects.toThrow('Unauthorized');
    expect(asked).toBe(0);
    await expect(call(refused)).rejects.toThrow('Unauthorized');
    expect(asked).toBe(1);
    whenExpired(null);
    useToken(null);
  });
});
