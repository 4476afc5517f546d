import { newId } from '../store/ids';
import type { EventRecord } from '../store/records';

export const EVENT_VERSION = '2022-02-18';

/** An event object; `data` is the related object as stored (references as ids, never expanded). */
export function newEvent(type: string, test: boolean, data: unknown, now: number): EventRecord {
  return {
    id: newId('event', test ? 'test' : 'live'),
    object: 'event',
    createdAt: now,
    test,
    eventData: { type, version: EVENT_VERSION, data },
  };
}
