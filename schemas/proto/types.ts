/**
 * Protobuf field facts for the kinds mimikube serves, transcribed from upstream's `generated.proto` files.
 *
 * The TypeBox schemas describe the JSON shape and are deliberately open in places (specs kept as given); the
 * protobuf wire needs a number and a wire type for every field a client may send, so those facts live in tables
 * of their own, one per API package, in this compact form:
 *
 *   messages: { PodSpec: { volumes: '1 Volume[]', restartPolicy: '3 string', activeDeadlineSeconds: '5 int64?' } }
 *
 * A field spec is `<number> <type>` where type is
 *  - a scalar: string | bytes | bool | int32 | int64 | double,
 *  - a message of the same package (`PodSpec`) or of another, by its alias (`meta.ObjectMeta`, `runtime.RawExtension`,
 *    `intstr.IntOrString`, `resource.Quantity`),
 *  - `map<string,V>` with V a scalar or message,
 * followed by `[]` for a repeated field and/or `?` when a zero value sent on the wire is meaningful and kept when
 * decoding: the Go field is a pointer, or it has no `omitempty` so upstream's JSON always shows it (`restartCount: 0`).
 * Other zero scalars are dropped, as Go's `omitempty` JSON would. A trailing
 * `^` marks a Go embedded struct whose fields JSON inlines into the parent (ConfigMapVolumeSource's
 * LocalObjectReference, EphemeralContainer's EphemeralContainerCommon): on the wire it is a nested message.
 * Keys are the JSON field names, which upstream also uses as the protobuf field names. `XList` messages are not
 * listed: every list is `metadata = 1 meta.ListMeta`, `items = 2 X[]`.
 */
export type ProtoFields = Readonly<Record<string, string>>;

export interface ProtoPackage {
  /** The protobuf package, e.g. `k8s.io.api.core.v1`. */
  readonly package: string;
  /** How other tables name this package's messages, e.g. `core` for `core.ObjectReference`. */
  readonly alias: string;
  /** The apiVersion whose kinds live here (`v1`, `apps/v1`); absent for packages of shared types. */
  readonly apiVersion?: string;
  readonly messages: Readonly<Record<string, ProtoFields>>;
}
