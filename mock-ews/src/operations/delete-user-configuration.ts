import { ResponseMessages } from '../soap/response-writer';
import { ItemError } from '../soap/error-catalogue';
import { NS } from '../soap/namespaces';
import { configurationOf } from '../store/user-configurations';
import { checkConfigurationName, readConfigurationName } from './common/user-configuration';
import type { Operation } from './operation';

/** DeleteUserConfiguration (Exchange 2010 on): removes a folder's user configuration object; a missing one is ErrorItemNotFound. */
export const deleteUserConfiguration: Operation = {
  name: 'DeleteUserConfiguration',
  since: 'Exchange2010',
  async handle(ctx) {
    const req = ctx.request;
    const nameEl = checkConfigurationName(req.m('UserConfigurationName'), req, NS.m);
    const out = new ResponseMessages(ctx.body, 'DeleteUserConfiguration');
    await out.add(() => {
      const name = readConfigurationName(ctx, nameEl);
      const found = configurationOf(name.folder, name.name);
      if (!found) throw new ItemError('ErrorItemNotFound');
      ctx.store.deleteConfiguration(name.folder, found);
    });
  },
};
