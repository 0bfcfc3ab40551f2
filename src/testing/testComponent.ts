import type { Entity } from '@backstage/catalog-model';

/** A `Component` entity in the default namespace, with the given annotations and `spec.system`. */
export function testComponent(
  name: string,
  annotations: Record<string, string> = {},
  system?: string,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: {
      type: 'service',
      owner: 'team',
      lifecycle: 'production',
      ...(system ? { system } : {}),
    },
  };
}
