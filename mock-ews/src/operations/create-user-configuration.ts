import { ResponseMessages } from '../soap/response-writer';
import { ItemError } from '../soap/error-catalogue';
import { ownerOf } from './common/mailbox-access';
import { configurationRequest } from './common/user-configuration';
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
    const request = configurationRequest(ctx.request);
    const out = new ResponseMessages(ctx.body, 'CreateUserConfiguration');
    await out.add(() => {
      const { name, content } = request.read(ctx);
      if (configurationOf(name.folder, name.name)) throw new ItemError('ErrorItemSave', 'A user configuration object with this name already exists on the folder.');
      ctx.store.createConfiguration(ownerOf(ctx, name.folder), name.folder, name.name, content);
    });
  },
};
