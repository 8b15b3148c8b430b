/** @wsdl FindItem (services.wsdl) */
export const FindItem: OperationSpec<FindItemType, FindItemResponseType> = {
  name: 'FindItem',
  soapAction: 'http://schemas.microsoft.com/exchange/services/2006/messages/FindItem',
  namespaces: NAMESPACES,
  input: {
    body: m_FindItem,
    headers: [
      t_ExchangeImpersonation,
      t_MailboxCulture,
      t_RequestServerVersion,
      t_TimeZoneContext,
      t_DateTimePrecision,
      t_ManagementRole,
    ],
  },
  output: { body: m_FindItemResponse, headers: [t_ServerVersionInfo] },
};

/** The SOAP headers the binding declares for the request of FindItem. */
export interface FindItemRequestHeaders {
  ExchangeImpersonation?: ExchangeImpersonationType;
  MailboxCulture?: MailboxCultureType;
  RequestServerVersion?: RequestServerVersion;
  TimeZoneContext?: TimeZoneContextType;
  DateTimePrecision?: DateTimePrecisionType;
  ManagementRole?: ManagementRoleType;
}

/** The request of FindItem: `new FindItemRequest(body, headers?)`, then `toEnvelope()`. */
export class FindItemRequest extends EwsRequest<FindItemType, FindItemRequestHeaders> {
  static readonly operation = FindItem;
  readonly operation = FindItem;
}

/** The SOAP headers the binding declares for the response of FindItem. */
export interface FindItemResponseHeaders {
  ServerVersionInfo?: ServerVersionInfo;
}

/** The response of FindItem; `messages`, `ok` and `throwIfError()` look at its ResponseClass. */
export class FindItemResponse extends EwsResponse<FindItemResponseType, FindItemResponseHeaders> {
  static readonly operation = FindItem;
  readonly operation = FindItem;
}

/** @wsdl SyncFolderItems (services.wsdl) */
export const SyncFolderItems: OperationSpec<SyncFolderItemsType, SyncFolderItemsResponseType> = {
  name: 'SyncFolderItems',
  soapAction: 'http://schemas.microsoft.com/exchange/services/2006/messages/SyncFolderItems',
  namespaces: NAMESPACES,
  input: { body: m_SyncFolderItems, headers: [t_ExchangeImpersonation, t_MailboxCulture, t_RequestServerVersion] },
  output: { body: m_SyncFolderItemsResponse, headers: [t_ServerVersionInfo] },
};

/** The SOAP headers the binding declares for the request of SyncFolderItems. */
export interface SyncFolderItemsRequestHeaders {
  ExchangeImpersonation?: ExchangeImpersonationType;
  MailboxCulture?: MailboxCultureType;
  RequestServerVersion?: RequestServerVersion;
}

/** The request of SyncFolderItems: `new SyncFolderItemsRequest(body, headers?)`, then `toEnvelope()`. */
export class SyncFolderItemsRequest extends EwsRequest<SyncFolderItemsType, SyncFolderItemsRequestHeaders> {
  static readonly operation = SyncFolderItems;
  readonly operation = SyncFolderItems;
}

/** The SOAP headers the binding declares for the response of SyncFolderItems. */
export interface SyncFolderItemsResponseHeaders {
  ServerVersionInfo?: ServerVersionInfo;
}

/** The response of SyncFolderItems; `messages`, `ok` and `throwIfError()` look at its ResponseClass. */
export class SyncFolderItemsResponse extends EwsResponse<SyncFolderItemsResponseType, SyncFolderItemsResponseHeaders> {
  static readonly operation = SyncFolderItems;
  readonly operation = SyncFolderItems;
}

/** @wsdl GetItem (services.wsdl) */
export const GetItem: OperationSpec<GetItemType, GetItemResponseType> = {
  name: 'GetItem',
  soapAction: 'http://schemas.microsoft.com/exchange/services/2006/messages/GetItem',
  namespaces: NAMESPACES,
  input: {
    body: m_GetItem,
    headers: [
      t_ExchangeImpersonation,
      t_MailboxCulture,
      t_RequestServerVersion,
      t_TimeZoneContext,
      t_DateTimePrecision,
      t_ManagementRole,
    ],
  },
  output: { body: m_GetItemResponse, headers: [t_ServerVersionInfo] },
};

/** The SOAP headers the binding declares for the request of GetItem. */
export interface GetItemRequestHeaders {
  ExchangeImpersonation?: ExchangeImpersonationType;
  MailboxCulture?: MailboxCultureType;
  RequestServerVersion?: RequestServerVersion;
  TimeZoneContext?: TimeZoneContextType;
  DateTimePrecision?: DateTimePrecisionType;
  ManagementRole?: ManagementRoleType;
}

/** The request of GetItem: `new GetItemRequest(body, headers?)`, then `toEnvelope()`. */
export class GetItemRequest extends EwsRequest<GetItemType, GetItemRequestHeaders> {
  static readonly operation = GetItem;
  readonly operation = GetItem;
}

/** The SOAP headers the binding declares for the response of GetItem. */
export interface GetItemResponseHeaders {
  ServerVersionInfo?: ServerVersionInfo;
}

/** The response of GetItem; `messages`, `ok` and `throwIfError()` look at its ResponseClass. */
export class GetItemResponse extends EwsResponse<GetItemResponseType, GetItemResponseHeaders> {
  static readonly operation = GetItem;
  readonly operation = GetItem;
}

/** @wsdl CreateItem (services.wsdl) */
export const CreateItem: OperationSpec<CreateItemType, CreateItemResponseType> = {
  name: 'CreateItem',
  soapAction: 'http://schemas.microsoft.com/exchange/services/2006/messages/CreateItem',
  namespaces: NAMESPACES,
  input: {
    body: m_CreateItem,
    headers: [t_ExchangeImpersonation, t_MailboxCulture, t_RequestServerVersion, t_TimeZoneContext],
  },
  output: { body: m_CreateItemResponse, headers: [t_ServerVersionInfo] },
};

/** The SOAP headers the binding declares for the request of CreateItem. */
export interface CreateItemRequestHeaders {
  ExchangeImpersonation?: ExchangeImpersonationType;
  MailboxCulture?: MailboxCultureType;
  RequestServerVersion?: RequestServerVersion;
  TimeZoneContext?: TimeZoneContextType;
}

/** The request of CreateItem: `new CreateItemRequest(body, headers?)`, then `toEnvelope()`. */
export class CreateItemRequest extends EwsRequest<CreateItemType, CreateItemRequestHeaders> {
  static readonly operation = CreateItem;
  readonly operation = CreateItem;
}

/** The SOAP headers the binding declares for the response of CreateItem. */
export interface CreateItemResponseHeaders {
  ServerVersionInfo?: ServerVersionInfo;
}

/** The response of CreateItem; `messages`, `ok` and `throwIfError()` look at its ResponseClass. */
export class CreateItemResponse extends EwsResponse<CreateItemResponseType, CreateItemResponseHeaders> {
  static readonly operation = CreateItem;
  readonly operation = CreateItem;
}

/**
 * @wsdl PlayOnPhone (services.wsdl)
 * @since Exchange2010_SP1
 */
export const PlayOnPhone: OperationSpec<PlayOnPhoneType, PlayOnPhoneResponseMessageType> = {
  name: 'PlayOnPhone',
  soapAction: 'http://schemas.microsoft.com/exchange/services/2006/messages/PlayOnPhone',
  namespaces: NAMESPACES,
  input: { body: m_PlayOnPhone, headers: [t_ExchangeImpersonation, t_MailboxCulture, t_RequestServerVersion] },
  output: { body: m_PlayOnPhoneResponse, headers: [t_ServerVersionInfo] },
};

/** The SOAP headers the binding declares for the request of PlayOnPhone. */
export interface PlayOnPhoneRequestHeaders {
  ExchangeImpersonation?: ExchangeImpersonationType;
  MailboxCulture?: MailboxCultureType;
  RequestServerVersion?: RequestServerVersion;
}

/** The request of PlayOnPhone: `new PlayOnPhoneRequest(body, headers?)`, then `toEnvelope()`. */
export class PlayOnPhoneRequest extends EwsRequest<PlayOnPhoneType, PlayOnPhoneRequestHeaders> {
  static readonly operation = PlayOnPhone;
  readonly operation = PlayOnPhone;
}

/** The SOAP headers the binding declares for the response of PlayOnPhone. */
export interface PlayOnPhoneResponseHeaders {
  ServerVersionInfo?: ServerVersionInfo;
}

/** The response of PlayOnPhone; `messages`, `ok` and `throwIfError()` look at its ResponseClass. */
export class PlayOnPhoneResponse extends EwsResponse<PlayOnPhoneResponseMessageType, PlayOnPhoneResponseHeaders> {
  static readonly operation = PlayOnPhone;
  readonly operation = PlayOnPhone;
}

/**
 * @wsdl GetPhoneCallInformation (services.wsdl)
 * @since Exchange2010_SP1
 */
export const GetPhoneCallInformation: OperationSpec<
  GetPhoneCallInformationType,
  GetPhoneCallInformationResponseMessageType
> = {
  name: 'GetPhoneCallInformation',
  soapAction: 'http://schemas.microsoft.com/exchange/services/2006/messages/GetPhoneCallInformation',
  namespaces: NAMESPACES,
  input: {
    body: m_GetPhoneCallInformation,
    headers: [t_ExchangeImpersonation, t_MailboxCulture, t_RequestServerVersion],
  },
  output: { body: m_GetPhoneCallInformationResponse, headers: [t_ServerVersionInfo] },
};

/** The SOAP headers the binding declares for the request of GetPhoneCallInformation. */
export interface GetPhoneCallInformationRequestHeaders {
  ExchangeImpersonation?: ExchangeImpersonationType;
  MailboxCulture?: MailboxCultureType;
  RequestServerVersion?: RequestServerVersion;
}

/** The request of GetPhoneCallInformation: `new GetPhoneCallInformationRequest(body, headers?)`, then `toEnvelope()`. */
export class GetPhoneCallInformationRequest extends EwsRequest<
  GetPhoneCallInformationType,
  GetPhoneCallInformationRequestHeaders
> {
  static readonly operation = GetPhoneCallInformation;
  readonly operation = GetPhoneCallInformation;
}

/** The SOAP headers the binding declares for the response of GetPhoneCallInformation. */
export interface GetPhoneCallInformationResponseHeaders {
  ServerVersionInfo?: ServerVersionInfo;
}

/** The response of GetPhoneCallInformation; `messages`, `ok` and `throwIfError()` look at its ResponseClass. */
export class GetPhoneCallInformationResponse extends EwsResponse<
  GetPhoneCallInformationResponseMessageType,
  GetPhoneCallInformationResponseHeaders
> {
  static readonly operation = GetPhoneCallInformation;
  readonly operation = GetPhoneCallInformation;
}

/**
 * @wsdl DisconnectPhoneCall (services.wsdl)
 * @since Exchange2010_SP1
 */
export const DisconnectPhoneCall: OperationSpec<DisconnectPhoneCallType, DisconnectPhoneCallResponseMessageType> = {
  name: 'DisconnectPhoneCall',
  soapAction: 'http://schemas.microsoft.com/exchange/services/2006/messages/DisconnectPhoneCall',
  namespaces: NAMESPACES,
  input: { body: m_DisconnectPhoneCall, headers: [t_ExchangeImpersonation, t_MailboxCulture, t_RequestServerVersion] },
  output: { body: m_DisconnectPhoneCallResponse, headers: [t_ServerVersionInfo] },
};

/** The SOAP headers the binding declares for the request of DisconnectPhoneCall. */
export interface DisconnectPhoneCallRequestHeaders {
  ExchangeImpersonation?: ExchangeImpersonationType;
  MailboxCulture?: MailboxCultureType;
  RequestServerVersion?: RequestServerVersion;
}

/** The request of DisconnectPhoneCall: `new DisconnectPhoneCallRequest(body, headers?)`, then `toEnvelope()`. */
export class DisconnectPhoneCallRequest extends EwsRequest<DisconnectPhoneCallType, DisconnectPhoneCallRequestHeaders> {
  static readonly operation = DisconnectPhoneCall;
  readonly operation = DisconnectPhoneCall;
}

/** The SOAP headers the binding declares for the response of DisconnectPhoneCall. */
export interface DisconnectPhoneCallResponseHeaders {
  ServerVersionInfo?: ServerVersionInfo;
}

/** The response of DisconnectPhoneCall; `messages`, `ok` and `throwIfError()` look at its ResponseClass. */
export class DisconnectPhoneCallResponse extends EwsResponse<
  DisconnectPhoneCallResponseMessageType,
  DisconnectPhoneCallResponseHeaders
> {
  static readonly operation = DisconnectPhoneCall;
  readonly operation = DisconnectPhoneCall;
}

// client.ts



  /** @wsdl FindItem */
  findItem(
    request: FindItemRequest | FindItemType,
    headers?: FindItemRequestHeaders,
    options?: CallOptions,
  ): Promise<FindItemResponse> {
    return this.call(FindItemRequest, FindItemResponse, request, headers, options);
  }
  /** @wsdl GetItem */
  getItem(
    request: GetItemRequest | GetItemType,
    headers?: GetItemRequestHeaders,
    options?: CallOptions,
  ): Promise<GetItemResponse> {
    return this.call(GetItemRequest, GetItemResponse, request, headers, options);
  }
  /** @wsdl CreateItem */
  createItem(
    request: CreateItemRequest | CreateItemType,
    headers?: CreateItemRequestHeaders,
    options?: CallOptions,
  ): Promise<CreateItemResponse> {
    return this.call(CreateItemRequest, CreateItemResponse, request, headers, options);
  }
  /** @wsdl SyncFolderItems */
  syncFolderItems(
    request: SyncFolderItemsRequest | SyncFolderItemsType,
    headers?: SyncFolderItemsRequestHeaders,
    options?: CallOptions,
  ): Promise<SyncFolderItemsResponse> {
    return this.call(SyncFolderItemsRequest, SyncFolderItemsResponse, request, headers, options);
  }