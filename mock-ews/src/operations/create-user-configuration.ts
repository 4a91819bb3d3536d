import { ResponseMessages } from '../soap/response-writer';
import { incompleteContent, ItemError } from '../soap/error-catalogue';
import { NS } from '../soap/namespaces';
import { ownerOf } from './common/mailbox-access';
import { checkConfigurationName, readConfigurationContent, readConfigurationName } from './common/user-configuration';
import { configurationOf } from '../store/user-configurations';
import type { Operation } from './operation';

/**
 * CreateUserConfiguration (Exchange 2010 on): a new user configuration object on a folder, with the
 * dictionary, XML and binary data given. One that exists already is ErrorItemSave; a request naming
 * an ItemId (which only the server gives) is ErrorInvalidOperation.
 */
export const createUserConfiguration: Operation = {
  name: 'CreateUserConfiguration',
  since: 'Exchange2010',
  async handle(ctx) {
    const req = ctx.request;
    const uc = req.m('UserConfiguration');
    if (!uc) throw incompleteContent(req, 'UserConfiguration', NS.m);
    const nameEl = checkConfigurationName(uc.t('UserConfigurationName'), uc, NS.t);
    const out = new ResponseMessages(ctx.body, 'CreateUserConfiguration');
    await out.add(() => {
      if (uc.t('ItemId')) throw new ItemError('ErrorInvalidOperation', 'An ItemId cannot be given to a user configuration object: the server assigns it.');
      const content = readConfigurationContent(uc);
      const name = readConfigurationName(ctx, nameEl);
      if (configurationOf(name.folder, name.name)) throw new ItemError('ErrorItemSave', 'A user configuration object with this name already exists on the folder.');
      ctx.store.createConfiguration(ownerOf(ctx, name.folder), name.folder, name.name, content);
    });
  },
};
