import { NextResponse } from 'next/server';
import { checkHealth } from '@/lib/health';
import { isDraining } from '@/lib/shutdown';

export const dynamic = 'force-dynamic';

/** 200 with the instance's mode, database and migrations; 503 while the database cannot be reached or the instance is stopping. */
export async function GET() {
  const health = await checkHealth();
  const answer = isDraining() ? { ...health, status: 'draining' as const } : health;
  return NextResponse.json(answer, { status: answer.status === 'ok' ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
}
