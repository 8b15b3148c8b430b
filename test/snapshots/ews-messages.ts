/** @xsd m:ResponseMessageType (messages.xsd) */
export interface ResponseMessageType {
  ResponseClass: ResponseClassType;
  MessageText?: string;
  ResponseCode?: ResponseCodeType;
  DescriptiveLinkKey?: number;
  MessageXml?: ResponseMessageType_MessageXml;
}

/** @xsd m:PlayOnPhoneType (messages.xsd) */
export interface PlayOnPhoneType extends BaseRequestType {
  ItemId: ItemIdTypeOrDerived;
  DialString: string;
}

/** @xsd m:PlayOnPhoneResponseMessageType (messages.xsd) */
export interface PlayOnPhoneResponseMessageType extends ResponseMessageType {
  PhoneCallId?: PhoneCallIdType;
}

/** @xsd m:GetPhoneCallInformationType (messages.xsd) */
export interface GetPhoneCallInformationType extends BaseRequestType {
  PhoneCallId: PhoneCallIdType;
}

/** @xsd m:GetPhoneCallInformationResponseMessageType (messages.xsd) */
export interface GetPhoneCallInformationResponseMessageType extends ResponseMessageType {
  PhoneCallInformation?: PhoneCallInformationType;
}

/** @xsd m:DisconnectPhoneCallType (messages.xsd) */
export interface DisconnectPhoneCallType extends BaseRequestType {
  PhoneCallId: PhoneCallIdType;
}