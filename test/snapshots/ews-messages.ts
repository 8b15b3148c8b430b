/** @xsd m:ResponseMessageType (messages.xsd) */
export interface ResponseMessageType {
  ResponseClass: ResponseClassType;
  MessageText?: string;
  ResponseCode?: ResponseCodeType;
  DescriptiveLinkKey?: number;
  MessageXml?: ResponseMessageType_MessageXml;
}

/** @xsd m:GetPhoneCallInformationResponseMessageType (messages.xsd) */
export interface GetPhoneCallInformationResponseMessageType extends ResponseMessageType {
  PhoneCallInformation?: PhoneCallInformationType;
}

/** @xsd m:DisconnectPhoneCallType (messages.xsd) */
export interface DisconnectPhoneCallType extends BaseRequestType {
  PhoneCallId: PhoneCallIdType;
}