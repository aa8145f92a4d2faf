/**
 * The messages of gnostic's `openapi.v2` protobuf package (`openapiv2/OpenAPIv2.proto`) that the `/openapi/v2`
 * document is encoded with, as field facts: `<number> <type>` with `[]` for a repeated field, keyed by the proto
 * field name. Only what a Kubernetes Swagger 2.0 document can hold is listed; the encoder refuses anything else
 * rather than dropping it.
 *
 * Messages whose proto fields form a `oneof` are listed with all the members mimikube can produce; the wire format
 * of a oneof member is that of a plain field, so no grouping is needed to encode or decode them.
 */
export type GnosticFields = Readonly<Record<string, string>>;

export const GNOSTIC_PACKAGE = 'openapi.v2';

export const GNOSTIC_MESSAGES: Readonly<Record<string, GnosticFields>> = {
  Document: {
    swagger: '1 string', info: '2 Info', host: '3 string', base_path: '4 string', schemes: '5 string[]',
    consumes: '6 string[]', produces: '7 string[]', paths: '8 Paths', definitions: '9 Definitions',
    security: '12 SecurityRequirement[]', security_definitions: '13 SecurityDefinitions',
    vendor_extension: '16 NamedAny[]',
  },
  Info: {
    title: '1 string', version: '2 string', description: '3 string', terms_of_service: '4 string',
    vendor_extension: '7 NamedAny[]',
  },
  Paths: { vendor_extension: '1 NamedAny[]', path: '2 NamedPathItem[]' },
  NamedPathItem: { name: '1 string', value: '2 PathItem' },
  PathItem: {
    get: '2 Operation', put: '3 Operation', post: '4 Operation', delete: '5 Operation', options: '6 Operation',
    head: '7 Operation', patch: '8 Operation', parameters: '9 ParametersItem[]', vendor_extension: '10 NamedAny[]',
  },
  Operation: {
    tags: '1 string[]', summary: '2 string', description: '3 string', operation_id: '5 string', produces: '6 string[]',
    consumes: '7 string[]', parameters: '8 ParametersItem[]', responses: '9 Responses', schemes: '10 string[]',
    deprecated: '11 bool', security: '12 SecurityRequirement[]', vendor_extension: '13 NamedAny[]',
  },
  ParametersItem: { parameter: '1 Parameter' },
  Parameter: { body_parameter: '1 BodyParameter', non_body_parameter: '2 NonBodyParameter' },
  BodyParameter: {
    description: '1 string', name: '2 string', in: '3 string', required: '4 bool', schema: '5 Schema',
    vendor_extension: '6 NamedAny[]',
  },
  NonBodyParameter: { query_parameter_sub_schema: '3 QueryParameterSubSchema', path_parameter_sub_schema: '4 PathParameterSubSchema' },
  QueryParameterSubSchema: {
    required: '1 bool', in: '2 string', description: '3 string', name: '4 string', allow_empty_value: '5 bool',
    type: '6 string', format: '7 string', collection_format: '9 string', default: '10 Any', maximum: '11 double',
    exclusive_maximum: '12 bool', minimum: '13 double', exclusive_minimum: '14 bool', max_length: '15 int64',
    min_length: '16 int64', pattern: '17 string', max_items: '18 int64', min_items: '19 int64',
    unique_items: '20 bool', enum: '21 Any[]', multiple_of: '22 double', vendor_extension: '23 NamedAny[]',
  },
  PathParameterSubSchema: {
    required: '1 bool', in: '2 string', description: '3 string', name: '4 string', type: '5 string',
    format: '6 string', collection_format: '8 string', default: '9 Any', maximum: '10 double',
    exclusive_maximum: '11 bool', minimum: '12 double', exclusive_minimum: '13 bool', max_length: '14 int64',
    min_length: '15 int64', pattern: '16 string', max_items: '17 int64', min_items: '18 int64',
    unique_items: '19 bool', enum: '20 Any[]', multiple_of: '21 double', vendor_extension: '22 NamedAny[]',
  },
  Responses: { response_code: '1 NamedResponseValue[]', vendor_extension: '2 NamedAny[]' },
  NamedResponseValue: { name: '1 string', value: '2 ResponseValue' },
  ResponseValue: { response: '1 Response' },
  Response: { description: '1 string', schema: '2 SchemaItem', vendor_extension: '5 NamedAny[]' },
  SchemaItem: { schema: '1 Schema' },
  Definitions: { additional_properties: '1 NamedSchema[]' },
  Properties: { additional_properties: '1 NamedSchema[]' },
  NamedSchema: { name: '1 string', value: '2 Schema' },
  Schema: {
    _ref: '1 string', format: '2 string', title: '3 string', description: '4 string', default: '5 Any',
    multiple_of: '6 double', maximum: '7 double', exclusive_maximum: '8 bool', minimum: '9 double',
    exclusive_minimum: '10 bool', max_length: '11 int64', min_length: '12 int64', pattern: '13 string',
    max_items: '14 int64', min_items: '15 int64', unique_items: '16 bool', max_properties: '17 int64',
    min_properties: '18 int64', required: '19 string[]', enum: '20 Any[]',
    additional_properties: '21 AdditionalPropertiesItem', type: '22 TypeItem', items: '23 ItemsItem',
    all_of: '24 Schema[]', properties: '25 Properties', discriminator: '26 string', read_only: '27 bool',
    example: '30 Any', vendor_extension: '31 NamedAny[]',
  },
  AdditionalPropertiesItem: { schema: '1 Schema', boolean: '2 bool' },
  TypeItem: { value: '1 string[]' },
  ItemsItem: { schema: '1 Schema[]' },
  SecurityDefinitions: { additional_properties: '1 NamedSecurityDefinitionsItem[]' },
  NamedSecurityDefinitionsItem: { name: '1 string', value: '2 SecurityDefinitionsItem' },
  SecurityDefinitionsItem: { basic_authentication_security: '1 BasicAuthenticationSecurity', api_key_security: '2 ApiKeySecurity' },
  BasicAuthenticationSecurity: { type: '1 string', description: '2 string', vendor_extension: '3 NamedAny[]' },
  ApiKeySecurity: {
    type: '1 string', name: '2 string', in: '3 string', description: '4 string', vendor_extension: '5 NamedAny[]',
  },
  SecurityRequirement: { additional_properties: '1 NamedStringArray[]' },
  NamedStringArray: { name: '1 string', value: '2 StringArray' },
  StringArray: { value: '1 string[]' },
  NamedAny: { name: '1 string', value: '2 Any' },
  /** `google.protobuf.Any value = 1` is never set for OpenAPI documents: the value travels as YAML text. */
  Any: { yaml: '2 string' },
};
