/** @xsd m:ResponseMessageType (messages.xsd) */
export interface ResponseMessageType {
  ResponseClass: ResponseClassType;
  MessageText?: string;
  ResponseCode?: ResponseCodeType;
  DescriptiveLinkKey?: number;
  MessageXml?: ResponseMessageType_MessageXml;
}

/**
 * @xsd m:PlayOnPhoneType (messages.xsd)
 * @since Exchange2010_SP1
 */
export interface PlayOnPhoneType extends BaseRequestType {
  ItemId: ItemIdTypeOrDerived;
  DialString: string;
}

/**
 * @xsd m:PlayOnPhoneResponseMessageType (messages.xsd)
 * @since Exchange2010_SP1
 */
export interface PlayOnPhoneResponseMessageType extends ResponseMessageType {
  PhoneCallId?: PhoneCallIdType;
}

/**
 * @xsd m:GetPhoneCallInformationType (messages.xsd)
 * @since Exchange2010_SP1
 */
export interface GetPhoneCallInformationType extends BaseRequestType {
  PhoneCallId: PhoneCallIdType;
}

/**
 * @xsd m:GetPhoneCallInformationResponseMessageType (messages.xsd)
 * @since Exchange2010_SP1
 */
export interface GetPhoneCallInformationResponseMessageType extends ResponseMessageType {
  PhoneCallInformation?: PhoneCallInformationType;
}

/**
 * @xsd m:DisconnectPhoneCallType (messages.xsd)
 * @since Exchange2010_SP1
 */
export interface DisconnectPhoneCallType extends BaseRequestType {
  PhoneCallId: PhoneCallIdType;
}