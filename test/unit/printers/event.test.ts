import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventPrinter } from '../../../server/printers/event.js';
import { eventsV1Printer } from '../../../server/printers/events-v1.js';
import { ago, row } from './helpers.js';

const involved = { kind: 'Pod', namespace: 'default', name: 'nginx', fieldPath: 'spec.containers{nginx}' };

function event(fields: object) {
  return {
    metadata: { name: 'nginx.17d2a', namespace: 'default', creationTimestamp: ago(10, 'm') },
    involvedObject: involved,
    type: 'Normal',
    reason: 'Pulled',
    message: 'Container image "nginx" already present on machine',
    source: { component: 'kubelet', host: 'node-1' },
    ...fields,
  };
}

test('printEvent: columns, their order and priorities', () => {
  assert.deepEqual(
    eventPrinter.columns.map((c) => `${c.name}:${c.type}:${c.priority}:${c.format}`),
    [
      'Last Seen:string:0:',
      'Type:string:0:',
      'Reason:string:0:',
      'Object:string:0:',
      'Subobject:string:1:',
      'Source:string:1:',
      'Message:string:0:',
      'First Seen:string:1:',
      'Count:string:1:',
      'Name:string:1:name',
    ],
  );
  assert.deepEqual(eventsV1Printer.columns, eventPrinter.columns);
});

test('printEvent: a kubelet event as kubectl get events -o wide shows it', () => {
  const r = row(eventPrinter, event({ firstTimestamp: ago(10, 'm'), lastTimestamp: ago(2, 'm'), count: 3 }));
  assert.deepEqual(r, {
    'Last Seen': '2m',
    Type: 'Normal',
    Reason: 'Pulled',
    Object: 'pod/nginx',
    Subobject: 'spec.containers{nginx}',
    Source: 'kubelet, node-1',
    Message: 'Container image "nginx" already present on machine',
    'First Seen': '10m',
    Count: 3,
    Name: 'nginx.17d2a',
  });
});

// [upstream printEvent behaviour, event fields, Last Seen, First Seen, Count]
const times: [string, object, string, string, number][] = [
  ['Last Seen falls back to First Seen', { firstTimestamp: ago(5, 'm'), count: 1 }, '5m', '5m', 1],
  ['First Seen falls back to eventTime', { eventTime: ago(30, 's') }, '30s', '30s', 1],
  ['no timestamps at all', {}, '<unknown>', '<unknown>', 1],
  ['a missing count counts once', { firstTimestamp: ago(5, 'm') }, '5m', '5m', 1],
  [
    'a series sets Last Seen and the count',
    { eventTime: ago(20, 'm'), series: { count: 7, lastObservedTime: ago(45, 's') } },
    '45s',
    '20m',
    7,
  ],
  ['an empty series reads as zero values', { eventTime: ago(20, 'm'), series: {} }, '<unknown>', '20m', 0],
];

for (const [name, fields, lastSeen, firstSeen, count] of times) {
  test(`printEvent: ${name}`, () => {
    const r = row(eventPrinter, event(fields));
    assert.deepEqual([r['Last Seen'], r['First Seen'], r.Count], [lastSeen, firstSeen, count]);
  });
}

// [upstream printEvent behaviour, event fields, Object, Source, Message]
const cells: [string, object, string, string, string][] = [
  [
    'an object without a name prints its kind only',
    { involvedObject: { kind: 'Node' } },
    'node',
    'kubelet, node-1',
    'Container image "nginx" already present on machine',
  ],
  [
    'the source host is omitted when empty',
    { source: { component: 'default-scheduler' }, message: 'Successfully assigned default/nginx to node-1' },
    'pod/nginx',
    'default-scheduler',
    'Successfully assigned default/nginx to node-1',
  ],
  [
    'reportingComponent and reportingInstance stand in for an empty source',
    { source: {}, reportingComponent: 'kubelet', reportingInstance: 'node-2' },
    'pod/nginx',
    'kubelet, node-2',
    'Container image "nginx" already present on machine',
  ],
  [
    'the message is trimmed of surrounding whitespace',
    { message: '\n  Back-off restarting failed container \u0085' },
    'pod/nginx',
    'kubelet, node-1',
    'Back-off restarting failed container',
  ],
];

for (const [name, fields, object, source, message] of cells) {
  test(`printEvent: ${name}`, () => {
    const r = row(eventPrinter, event(fields));
    assert.deepEqual([r.Object, r.Source, r.Message], [object, source, message]);
  });
}

test('events.k8s.io/v1: prints through the core conversion', () => {
  const v1 = {
    metadata: { name: 'web.17d2b', namespace: 'default', creationTimestamp: ago(10, 'm') },
    eventTime: ago(8, 'm'),
    series: { count: 4, lastObservedTime: ago(1, 'm') },
    reportingController: 'deployment-controller',
    reportingInstance: '',
    action: 'Scaling',
    reason: 'ScalingReplicaSet',
    regarding: { kind: 'Deployment', namespace: 'default', name: 'web' },
    note: 'Scaled up replica set web-5d8f to 3 ',
    type: 'Normal',
  };
  assert.deepEqual(row(eventsV1Printer, v1), {
    'Last Seen': '60s',
    Type: 'Normal',
    Reason: 'ScalingReplicaSet',
    Object: 'deployment/web',
    Subobject: '',
    Source: 'deployment-controller',
    Message: 'Scaled up replica set web-5d8f to 3',
    'First Seen': '8m',
    Count: 4,
    Name: 'web.17d2b',
  });
});

test('events.k8s.io/v1: deprecated fields map to the core ones', () => {
  const r = row(eventsV1Printer, {
    metadata: { name: 'old' },
    regarding: { kind: 'Pod', name: 'p' },
    deprecatedSource: { component: 'kubelet', host: 'node-1' },
    deprecatedFirstTimestamp: ago(3, 'h'),
    deprecatedLastTimestamp: ago(1, 'h'),
    deprecatedCount: 9,
  });
  assert.deepEqual([r['Last Seen'], r['First Seen'], r.Count, r.Source], ['60m', '3h', 9, 'kubelet, node-1']);
});
