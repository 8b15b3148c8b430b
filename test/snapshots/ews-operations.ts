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
  output: {
    body: m_FindItemResponse,
    headers: [t_ServerVersionInfo],
    items: {
      messages: 'ResponseMessages/FindItemResponseMessage',
      items: ['RootFolder/Items/*', 'RootFolder/Groups/GroupedItems', 'HighlightTerms/Term'],
    },
  },
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

/** An item of a FindItem response, as `FindItemResponse.items()` yields it (RootFolder/Items/*, RootFolder/Groups/GroupedItems, HighlightTerms/Term). */
export type FindItemItem =
  | NonNullable<ArrayOfRealItemsType['$items']>[number]
  | NonNullable<ArrayOfGroupedItemsType['GroupedItems']>[number]
  | NonNullable<ArrayOfHighlightTermsType['Term']>[number];

/** The response message an item of FindItem comes in. */
export type FindItemMessage = FindItemResponseMessageType;

/** A FindItem response read one item at a time. */
export type FindItemStream = ItemStream<FindItemItem, FindItemMessage, FindItemResponse>;

/** The response of FindItem; `messages`, `ok` and `throwIfError()` look at its ResponseClass. */
export class FindItemResponse extends EwsResponse<FindItemResponseType, FindItemResponseHeaders> {
  static readonly operation = FindItem;
  readonly operation = FindItem;

  /** Reads a response as it arrives, one item at a time: `for await (const { item, message } of FindItemResponse.items(source))`. */
  static items(source: XmlSource, options?: ItemStreamOptions): FindItemStream {
    return new ItemStream(this, source, options);
  }
}

/** @wsdl SyncFolderItems (services.wsdl) */
export const SyncFolderItems: OperationSpec<SyncFolderItemsType, SyncFolderItemsResponseType> = {
  name: 'SyncFolderItems',
  soapAction: 'http://schemas.microsoft.com/exchange/services/2006/messages/SyncFolderItems',
  namespaces: NAMESPACES,
  input: { body: m_SyncFolderItems, headers: [t_ExchangeImpersonation, t_MailboxCulture, t_RequestServerVersion] },
  output: {
    body: m_SyncFolderItemsResponse,
    headers: [t_ServerVersionInfo],
    items: {
      messages: 'ResponseMessages/SyncFolderItemsResponseMessage',
      items: ['Changes/*'],
    },
  },
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

/** An item of a SyncFolderItems response, as `SyncFolderItemsResponse.items()` yields it (Changes/*). */
export type SyncFolderItemsItem = NonNullable<SyncFolderItemsChangesType['$items']>[number];

/** The response message an item of SyncFolderItems comes in. */
export type SyncFolderItemsMessage = SyncFolderItemsResponseMessageType;

/** A SyncFolderItems response read one item at a time. */
export type SyncFolderItemsStream = ItemStream<SyncFolderItemsItem, SyncFolderItemsMessage, SyncFolderItemsResponse>;

/** The response of SyncFolderItems; `messages`, `ok` and `throwIfError()` look at its ResponseClass. */
export class SyncFolderItemsResponse extends EwsResponse<SyncFolderItemsResponseType, SyncFolderItemsResponseHeaders> {
  static readonly operation = SyncFolderItems;
  readonly operation = SyncFolderItems;

  /** Reads a response as it arrives, one item at a time: `for await (const { item, message } of SyncFolderItemsResponse.items(source))`. */
  static items(source: XmlSource, options?: ItemStreamOptions): SyncFolderItemsStream {
    return new ItemStream(this, source, options);
  }
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
  output: {
    body: m_GetItemResponse,
    headers: [t_ServerVersionInfo],
    items: {
      messages: 'ResponseMessages/GetItemResponseMessage',
      items: ['Items/*'],
    },
  },
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

/** An item of a GetItem response, as `GetItemResponse.items()` yields it (Items/*). */
export type GetItemItem = NonNullable<ArrayOfRealItemsType['$items']>[number];

/** The response message an item of GetItem comes in. */
export type GetItemMessage = ItemInfoResponseMessageTypeOrDerived;

/** A GetItem response read one item at a time. */
export type GetItemStream = ItemStream<GetItemItem, GetItemMessage, GetItemResponse>;

/** The response of GetItem; `messages`, `ok` and `throwIfError()` look at its ResponseClass. */
export class GetItemResponse extends EwsResponse<GetItemResponseType, GetItemResponseHeaders> {
  static readonly operation = GetItem;
  readonly operation = GetItem;

  /** Reads a response as it arrives, one item at a time: `for await (const { item, message } of GetItemResponse.items(source))`. */
  static items(source: XmlSource, options?: ItemStreamOptions): GetItemStream {
    return new ItemStream(this, source, options);
  }
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
  output: {
    body: m_CreateItemResponse,
    headers: [t_ServerVersionInfo],
    items: {
      messages: 'ResponseMessages/CreateItemResponseMessage',
      items: ['Items/*'],
    },
  },
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

/** An item of a CreateItem response, as `CreateItemResponse.items()` yields it (Items/*). */
export type CreateItemItem = NonNullable<ArrayOfRealItemsType['$items']>[number];

/** The response message an item of CreateItem comes in. */
export type CreateItemMessage = ItemInfoResponseMessageTypeOrDerived;

/** A CreateItem response read one item at a time. */
export type CreateItemStream = ItemStream<CreateItemItem, CreateItemMessage, CreateItemResponse>;

/** The response of CreateItem; `messages`, `ok` and `throwIfError()` look at its ResponseClass. */
export class CreateItemResponse extends EwsResponse<CreateItemResponseType, CreateItemResponseHeaders> {
  static readonly operation = CreateItem;
  readonly operation = CreateItem;

  /** Reads a response as it arrives, one item at a time: `for await (const { item, message } of CreateItemResponse.items(source))`. */
  static items(source: XmlSource, options?: ItemStreamOptions): CreateItemStream {
    return new ItemStream(this, source, options);
  }
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
  /**
   * @wsdl DisconnectPhoneCall
   * @since Exchange2010_SP1
   */
  disconnectPhoneCall(
    request: DisconnectPhoneCallRequest | DisconnectPhoneCallType,
    headers?: DisconnectPhoneCallRequestHeaders,
    options?: CallOptions,
  ): Promise<DisconnectPhoneCallResponse> {
    return this.call(DisconnectPhoneCallRequest, DisconnectPhoneCallResponse, request, headers, options);
  }
  /**
   * @wsdl GetPhoneCallInformation
   * @since Exchange2010_SP1
   */
  getPhoneCallInformation(
    request: GetPhoneCallInformationRequest | GetPhoneCallInformationType,
    headers?: GetPhoneCallInformationRequestHeaders,
    options?: CallOptions,
  ): Promise<GetPhoneCallInformationResponse> {
    return this.call(GetPhoneCallInformationRequest, GetPhoneCallInformationResponse, request, headers, options);
  }
  /**
   * @wsdl PlayOnPhone
   * @since Exchange2010_SP1
   */
  playOnPhone(
    request: PlayOnPhoneRequest | PlayOnPhoneType,
    headers?: PlayOnPhoneRequestHeaders,
    options?: CallOptions,
  ): Promise<PlayOnPhoneResponse> {
    return this.call(PlayOnPhoneRequest, PlayOnPhoneResponse, request, headers, options);
  }
  /** @wsdl FindItem */
  findItem(
    request: FindItemRequest | FindItemType,
    headers?: FindItemRequestHeaders,
    options?: CallOptions,
  ): Promise<FindItemResponse> {
    return this.call(FindItemRequest, FindItemResponse, request, headers, options);
  }
  /** @wsdl FindItem, its response read one item at a time (`for await (const { item } of stream.items())`). */
  streamFindItem(
    request: FindItemRequest | FindItemType,
    headers?: FindItemRequestHeaders,
    options?: CallOptions,
  ): Promise<FindItemStream> {
    return this.stream(FindItemRequest, FindItemResponse, request, headers, options);
  }
  /** @wsdl GetItem */
  getItem(
    request: GetItemRequest | GetItemType,
    headers?: GetItemRequestHeaders,
    options?: CallOptions,
  ): Promise<GetItemResponse> {
    return this.call(GetItemRequest, GetItemResponse, request, headers, options);
  }
  /** @wsdl GetItem, its response read one item at a time (`for await (const { item } of stream.items())`). */
  streamGetItem(
    request: GetItemRequest | GetItemType,
    headers?: GetItemRequestHeaders,
    options?: CallOptions,
  ): Promise<GetItemStream> {
    return this.stream(GetItemRequest, GetItemResponse, request, headers, options);
  }
  /** @wsdl CreateItem */
  createItem(
    request: CreateItemRequest | CreateItemType,
    headers?: CreateItemRequestHeaders,
    options?: CallOptions,
  ): Promise<CreateItemResponse> {
    return this.call(CreateItemRequest, CreateItemResponse, request, headers, options);
  }
  /** @wsdl CreateItem, its response read one item at a time (`for await (const { item } of stream.items())`). */
  streamCreateItem(
    request: CreateItemRequest | CreateItemType,
    headers?: CreateItemRequestHeaders,
    options?: CallOptions,
  ): Promise<CreateItemStream> {
    return this.stream(CreateItemRequest, CreateItemResponse, request, headers, options);
  }
  /** @wsdl SyncFolderItems */
  syncFolderItems(
    request: SyncFolderItemsRequest | SyncFolderItemsType,
    headers?: SyncFolderItemsRequestHeaders,
    options?: CallOptions,
  ): Promise<SyncFolderItemsResponse> {
    return this.call(SyncFolderItemsRequest, SyncFolderItemsResponse, request, headers, options);
  }
  /** @wsdl SyncFolderItems, its response read one item at a time (`for await (const { item } of stream.items())`). */
  streamSyncFolderItems(
    request: SyncFolderItemsRequest | SyncFolderItemsType,
    headers?: SyncFolderItemsRequestHeaders,
    options?: CallOptions,
  ): Promise<SyncFolderItemsStream> {
    return this.stream(SyncFolderItemsRequest, SyncFolderItemsResponse, request, headers, options);
  }