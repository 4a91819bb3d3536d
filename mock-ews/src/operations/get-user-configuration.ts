import { ResponseMessages } from '../soap/response-writer';
import { incompleteContent, ItemError } from '../soap/error-catalogue';
import { NS } from '../soap/namespaces';
import { configurationOf } from '../store/user-configurations';
import { checkConfigurationName, readConfigurationName, readConfigurationProperties, writeConfiguration } from './common/user-configuration';
import type { Operation } from './operation';

/**
 * GetUserConfiguration (Exchange 2010 on): a user configuration object of a folder, with the parts
 * UserConfigurationProperties asks for (Id, Dictionary, XmlData, BinaryData, or All). One that does
 * not exist is ErrorItemNotFound.
 */
export const getUserConfiguration: Operation = {
  name: 'GetUserConfiguration',
  since: 'Exchange2010',
  async handle(ctx) {
    const req = ctx.request;
    const nameEl = checkConfigurationName(req.m('UserConfigurationName'), req, NS.m);
    const propsEl = req.m('UserConfigurationProperties');
    if (!propsEl) throw incompleteContent(req, 'UserConfigurationProperties', NS.m);
    const props = readConfigurationProperties(propsEl);
    const out = new ResponseMessages(ctx.body, 'GetUserConfiguration');
    await out.add((message) => {
      const name = readConfigurationName(ctx, nameEl);
      const found = configurationOf(name.folder, name.name);
      if (!found) throw new ItemError('ErrorItemNotFound');
      writeConfiguration(message, found, name, props);
    });
  },
};
