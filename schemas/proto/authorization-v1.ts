import type { ProtoPackage } from './types.js';

/** k8s.io.api.authorization.v1: the access and rules reviews (`kubectl auth can-i`). */
export const authorizationV1: ProtoPackage = {
  package: 'k8s.io.api.authorization.v1',
  alias: 'authorization',
  apiVersion: 'authorization.k8s.io/v1',
  messages: {
    SubjectAccessReview: {
      metadata: '1 meta.ObjectMeta',
      spec: '2 SubjectAccessReviewSpec',
      status: '3 SubjectAccessReviewStatus',
    },
    LocalSubjectAccessReview: {
      metadata: '1 meta.ObjectMeta',
      spec: '2 SubjectAccessReviewSpec',
      status: '3 SubjectAccessReviewStatus',
    },
    SelfSubjectAccessReview: {
      metadata: '1 meta.ObjectMeta',
      spec: '2 SelfSubjectAccessReviewSpec',
      status: '3 SubjectAccessReviewStatus',
    },
    SubjectAccessReviewSpec: {
      resourceAttributes: '1 ResourceAttributes?',
      nonResourceAttributes: '2 NonResourceAttributes?',
      user: '3 string',
      groups: '4 string[]',
      extra: '5 map<string,ExtraValue>',
      uid: '6 string',
    },
    SelfSubjectAccessReviewSpec: {
      resourceAttributes: '1 ResourceAttributes?',
      nonResourceAttributes: '2 NonResourceAttributes?',
    },
    // denied (4) was added after reason and evaluationError.
    SubjectAccessReviewStatus: { allowed: '1 bool', reason: '2 string', evaluationError: '3 string', denied: '4 bool' },
    ResourceAttributes: {
      namespace: '1 string',
      verb: '2 string',
      group: '3 string',
      version: '4 string',
      resource: '5 string',
      subresource: '6 string',
      name: '7 string',
      fieldSelector: '8 FieldSelectorAttributes?',
      labelSelector: '9 LabelSelectorAttributes?',
    },
    NonResourceAttributes: { path: '1 string', verb: '2 string' },
    FieldSelectorAttributes: { rawSelector: '1 string', requirements: '2 meta.FieldSelectorRequirement[]' },
    LabelSelectorAttributes: { rawSelector: '1 string', requirements: '2 meta.LabelSelectorRequirement[]' },
    // On the wire a user's extra values are a message wrapping the list, not a bare repeated field.
    ExtraValue: { items: '1 string[]' },

    SelfSubjectRulesReview: {
      metadata: '1 meta.ObjectMeta',
      spec: '2 SelfSubjectRulesReviewSpec',
      status: '3 SubjectRulesReviewStatus',
    },
    SelfSubjectRulesReviewSpec: { namespace: '1 string' },
    SubjectRulesReviewStatus: {
      resourceRules: '1 ResourceRule[]',
      nonResourceRules: '2 NonResourceRule[]',
      incomplete: '3 bool',
      evaluationError: '4 string',
    },
    ResourceRule: { verbs: '1 string[]', apiGroups: '2 string[]', resources: '3 string[]', resourceNames: '4 string[]' },
    NonResourceRule: { verbs: '1 string[]', nonResourceURLs: '2 string[]' },
  },
};
