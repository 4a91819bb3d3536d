import { ResponseMessages } from '../soap/response-writer';
import { incompleteContent, ItemError } from '../soap/error-catalogue';
import { NS } from '../soap/namespaces';
import { configurationOf } from '../store/user-configurations';
import { checkConfigurationName, readConfigurationContent, readConfigurationName } from './common/user-configuration';
import type { Operation } from './operation';

/**
 * UpdateUserConfiguration (Exchange 2010 on): dictionary entries given replace those with the same
 * key and the others are added; XmlData and BinaryData given replace the old. One that does not
 * exist is ErrorItemNotFound; a bad value saves nothing.
 */
export const updateUserConfiguration: Operation = {
  name: 'UpdateUserConfiguration',
  since: 'Exchange2010',
  async handle(ctx) {
    const req = ctx.request;
    const uc = req.m('UserConfiguration');
    if (!uc) throw incompleteContent(req, 'UserConfiguration', NS.m);
    const nameEl = checkConfigurationName(uc.t('UserConfigurationName'), uc, NS.t);
    const out = new ResponseMessages(ctx.body, 'UpdateUserConfiguration');
    await out.add(() => {
      if (uc.t('ItemId')) throw new ItemError('ErrorInvalidOperation', 'An ItemId cannot be given to a user configuration object: the server assigns it.');
      const content = readConfigurationContent(uc);
      const name = readConfigurationName(ctx, nameEl);
      const found = configurationOf(name.folder, name.name);
      if (!found) throw new ItemError('ErrorItemNotFound');
      ctx.store.updateConfiguration(found, content);
    });
  },
};
