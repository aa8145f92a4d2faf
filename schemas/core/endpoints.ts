import { Type, type Static } from '@sinclair/typebox';
import { Strict, TopLevel } from '../meta.js';
import { AtomicList } from './container.js';
import { ObjectReference } from './object-reference.js';

/** core/v1 Endpoints (v1.32): the addresses behind a service, grouped by the ports they share. */

const Str = (description?: string) => Type.Optional(Type.String(description === undefined ? {} : { description }));

export const EndpointAddress = Strict({
  ip: Str('IP of the endpoint.'),
  hostname: Str('Hostname of the endpoint.'),
  nodeName: Str('The node hosting the endpoint.'),
  targetRef: Type.Optional(ObjectReference),
});

export const EndpointPort = Strict({
  name: Str('Name of the port, matching a service port name.'),
  port: Type.Optional(Type.Integer({ description: 'The port number.' })),
  protocol: Str('TCP (the default), UDP or SCTP.'),
  appProtocol: Str('The application protocol of the port.'),
});

export const EndpointSubset = Strict({
  addresses: Type.Optional(AtomicList(EndpointAddress)),
  notReadyAddresses: Type.Optional(AtomicList(EndpointAddress)),
  ports: Type.Optional(AtomicList(EndpointPort)),
});
export type EndpointSubset = Static<typeof EndpointSubset>;

export const Endpoints = TopLevel({ subsets: Type.Optional(AtomicList(EndpointSubset)) });
