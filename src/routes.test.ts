import { architectureTabPath, DEFAULT_ARCHITECTURE_TAB_PATH } from './routes';

describe('architectureTabPath', () => {
  it('should put the default tab under the entity page', () => {
    expect(
      architectureTabPath(
        '/catalog/default/component/checkout',
        DEFAULT_ARCHITECTURE_TAB_PATH,
      ),
    ).toBe('/catalog/default/component/checkout/architecture');
  });

  it('should read a tab path written without its leading slash alike', () => {
    expect(
      architectureTabPath(
        '/catalog/default/component/checkout',
        'docs/architecture',
      ),
    ).toBe('/catalog/default/component/checkout/docs/architecture');
  });
});
