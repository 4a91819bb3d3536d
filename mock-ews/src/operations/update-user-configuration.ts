import { ResponseMessages } from '../soap/response-writer';
import { ItemError } from '../soap/error-catalogue';
import { configurationOf } from '../store/user-configurations';
import { configurationRequest } from './common/user-configuration';
import type { Operation } from './operation';

/**
 * UpdateUserConfiguration (Exchange 2010 on): the Dictionary, XmlData and BinaryData given each
 * replace the old one whole; a part left out stays. One that does not exist is ErrorItemNotFound; a
 * bad value saves nothing.
 */
export const updateUserConfiguration: Operation = {
  name: 'UpdateUserConfiguration',
  since: 'Exchange2010',
  async handle(ctx) {
    const request = configurationRequest(ctx.request);
    const out = new ResponseMessages(ctx.body, 'UpdateUserConfiguration');
    await out.add(() => {
      const { name, content } = request.read(ctx);
      const found = configurationOf(name.folder, name.name);
      if (!found) throw new ItemError('ErrorItemNotFound');
      ctx.store.updateConfiguration(found, content);
    });
  },
};
