/**
 * @xsd t:BasePathToElementType (types.xsd)
 * @abstract
 */
export interface BasePathToElementType {}

/** @xsd t:PathToUnindexedFieldType (types.xsd) */
export interface PathToUnindexedFieldType extends BasePathToElementType {
  FieldURI: UnindexedFieldURIType;
}

/** @xsd t:BodyType (types.xsd) */
export interface BodyType {
  BodyType: BodyTypeType;
  /** @since Exchange2013_SP1 */
  IsTruncated?: boolean;
  $value: string;
}

/** @xsd t:FolderChangeType (types.xsd) */
export interface FolderChangeType {
  /** @choice one of FolderId, DistinguishedFolderId */
  FolderId?: FolderIdType;
  /** @choice one of FolderId, DistinguishedFolderId */
  DistinguishedFolderId?: DistinguishedFolderIdType;
  Updates: NonEmptyArrayOfFolderChangeDescriptionsType;
}

/**
 * @xsd t:WellKnownResponseObjectType (types.xsd)
 * @restriction t:ResponseObjectType; the base's properties it drops are typed `never`
 */
export interface WellKnownResponseObjectType {
  ItemClass?: ItemClassType;
  Sensitivity?: SensitivityChoicesType;
  Body?: BodyType;
  Attachments?: NonEmptyArrayOfAttachmentsType;
  InternetMessageHeaders?: NonEmptyArrayOfInternetHeadersType;
  Sender?: SingleRecipientType;
  ToRecipients?: ArrayOfRecipientsType;
  CcRecipients?: ArrayOfRecipientsType;
  BccRecipients?: ArrayOfRecipientsType;
  IsReadReceiptRequested?: boolean;
  IsDeliveryReceiptRequested?: boolean;
  From?: SingleRecipientType;
  ReferenceItemId?: ItemIdTypeOrDerived;
  ObjectName?: never;
  ConversationIndex?: never;
  ConversationTopic?: never;
  InternetMessageId?: never;
  IsRead?: never;
  IsResponseRequested?: never;
  References?: never;
  ReplyTo?: never;
  ReceivedBy?: never;
  ReceivedRepresenting?: never;
  ApprovalRequestData?: never;
  VotingInformation?: never;
  ReminderMessageData?: never;
  MessageSafety?: never;
  SenderSMTPAddress?: never;
  MailboxGuids?: never;
  PublishedCalendarItemIcs?: never;
  PublishedCalendarItemName?: never;
  MimeContent?: never;
  ItemId?: never;
  ParentFolderId?: never;
  Subject?: never;
  DateTimeReceived?: never;
  Size?: never;
  Categories?: never;
  Importance?: never;
  InReplyTo?: never;
  IsSubmitted?: never;
  IsDraft?: never;
  IsFromMe?: never;
  IsResend?: never;
  IsUnmodified?: never;
  DateTimeSent?: never;
  DateTimeCreated?: never;
  ResponseObjects?: never;
  ReminderDueBy?: never;
  ReminderIsSet?: never;
  ReminderNextTime?: never;
  ReminderMinutesBeforeStart?: never;
  DisplayCc?: never;
  DisplayTo?: never;
  DisplayBcc?: never;
  HasAttachments?: never;
  ExtendedProperty?: never;
  Culture?: never;
  EffectiveRights?: never;
  LastModifiedName?: never;
  LastModifiedTime?: never;
  IsAssociated?: never;
  WebClientReadFormQueryString?: never;
  WebClientEditFormQueryString?: never;
  ConversationId?: never;
  UniqueBody?: never;
  Flag?: never;
  StoreEntryId?: never;
  InstanceKey?: never;
  NormalizedBody?: never;
  EntityExtractionResult?: never;
  PolicyTag?: never;
  ArchiveTag?: never;
  RetentionDate?: never;
  Preview?: never;
  RightsManagementLicenseData?: never;
  PredictedActionReasons?: never;
  IsClutter?: never;
  BlockStatus?: never;
  HasBlockedImages?: never;
  TextBody?: never;
  IconIndex?: never;
  SearchKey?: never;
  SortKey?: never;
  Hashtags?: never;
  Mentions?: never;
  MentionedMe?: never;
  MentionsPreview?: never;
  MentionsEx?: never;
  AppliedHashtags?: never;
  AppliedHashtagsPreview?: never;
  Likes?: never;
  LikesPreview?: never;
  PendingSocialActivityTagIds?: never;
  AtAllMention?: never;
  CanDelete?: never;
  InferenceClassification?: never;
}

/** @xsd t:ArrayOfRealItemsType (types.xsd) */
export interface ArrayOfRealItemsType {
  $items?: ArrayOfRealItemsTypeEntry[];
}

/** One element of ArrayOfRealItemsType, in document order; `$element` says which. */
export type ArrayOfRealItemsTypeEntry =
  | ({ $element: 'Item' } & ItemTypeOrDerived)
  | ({ $element: 'Message' } & MessageTypeOrDerived)
  | ({ $element: 'SharingMessage' } & SharingMessageType)
  | ({ $element: 'CalendarItem' } & CalendarItemType)
  | ({ $element: 'Contact' } & ContactItemType)
  | ({ $element: 'DistributionList' } & DistributionListType)
  | ({ $element: 'MeetingMessage' } & MeetingMessageTypeOrDerived)
  | ({ $element: 'MeetingRequest' } & MeetingRequestMessageType)
  | ({ $element: 'MeetingResponse' } & MeetingResponseMessageType)
  | ({ $element: 'MeetingCancellation' } & MeetingCancellationMessageType)
  | ({ $element: 'Task' } & TaskType)
  | ({ $element: 'PostItem' } & PostItemType)
  | ({ $element: 'RoleMember' } & RoleMemberItemType)
  | ({ $element: 'Network' } & NetworkItemType)
  | ({ $element: 'Person' } & AbchPersonItemType);

/**
 * @xsd t:ArrayOfTransitionsType (types.xsd)
 * @since Exchange2010_SP1
 */
export interface ArrayOfTransitionsType {
  Id?: string;
  Transition: TransitionGroup[];
}

/** @xsd t:CalendarItemType (types.xsd) */
export interface CalendarItemType extends ItemType {
  UID?: string;
  RecurrenceId?: string;
  DateTimeStamp?: string;
  Start?: string;
  End?: string;
  OriginalStart?: string;
  IsAllDayEvent?: boolean;
  LegacyFreeBusyStatus?: LegacyFreeBusyType;
  Location?: string;
  When?: string;
  IsMeeting?: boolean;
  IsCancelled?: boolean;
  IsRecurring?: boolean;
  MeetingRequestWasSent?: boolean;
  IsResponseRequested?: boolean;
  CalendarItemType?: CalendarItemTypeType;
  MyResponseType?: ResponseTypeType;
  Organizer?: SingleRecipientType;
  RequiredAttendees?: NonEmptyArrayOfAttendeesType;
  OptionalAttendees?: NonEmptyArrayOfAttendeesType;
  Resources?: NonEmptyArrayOfAttendeesType;
  /** @since Exchange2015 */
  InboxReminders?: ArrayOfInboxReminderType;
  ConflictingMeetingCount?: number;
  AdjacentMeetingCount?: number;
  ConflictingMeetings?: NonEmptyArrayOfAllItemsType;
  AdjacentMeetings?: NonEmptyArrayOfAllItemsType;
  Duration?: string;
  TimeZone?: string;
  AppointmentReplyTime?: string;
  AppointmentSequenceNumber?: number;
  AppointmentState?: number;
  Recurrence?: RecurrenceType;
  FirstOccurrence?: OccurrenceInfoType;
  LastOccurrence?: OccurrenceInfoType;
  ModifiedOccurrences?: NonEmptyArrayOfOccurrenceInfoType;
  DeletedOccurrences?: NonEmptyArrayOfDeletedOccurrencesType;
  MeetingTimeZone?: TimeZoneType;
  /** @since Exchange2010_SP1 */
  StartTimeZone?: TimeZoneDefinitionType;
  /** @since Exchange2010_SP1 */
  EndTimeZone?: TimeZoneDefinitionType;
  ConferenceType?: number;
  AllowNewTimeProposal?: boolean;
  IsOnlineMeeting?: boolean;
  MeetingWorkspaceUrl?: string;
  NetShowUrl?: string;
  /** @since Exchange2013_SP1 */
  EnhancedLocation?: EnhancedLocationType;
  /** @since Exchange2013_SP1 */
  StartWallClock?: string;
  /** @since Exchange2013_SP1 */
  EndWallClock?: string;
  /** @since Exchange2013_SP1 */
  StartTimeZoneId?: string;
  /** @since Exchange2013_SP1 */
  EndTimeZoneId?: string;
  /** @since Exchange2013_SP1 */
  IntendedFreeBusyStatus?: LegacyFreeBusyType;
  /** @since Exchange2013_SP1 */
  JoinOnlineMeetingUrl?: string;
  /** @since Exchange2013_SP1 */
  OnlineMeetingSettings?: OnlineMeetingSettingsType;
  /** @since Exchange2013_SP1 */
  IsOrganizer?: boolean;
  /** @since V2016_10_10 */
  CalendarActivityData?: CalendarActivityDataType;
  /** @since V2017_07_11 */
  DoNotForwardMeeting?: boolean;
}

/**
 * @xsd t:PhoneCallIdType (types.xsd)
 * @since Exchange2010_SP1
 */
export interface PhoneCallIdType {
  Id: string;
}

/**
 * @xsd t:PhoneCallInformationType (types.xsd)
 * @since Exchange2010_SP1
 */
export interface PhoneCallInformationType {
  PhoneCallState: PhoneCallStateType;
  ConnectionFailureCause: ConnectionFailureCauseType;
  SIPResponseText?: string;
  SIPResponseCode?: number;
}

/** @xsd anonymous type of element t:ServerVersionInfo (types.xsd) */
export interface ServerVersionInfo {
  MajorVersion?: number;
  MinorVersion?: number;
  MajorBuildNumber?: number;
  MinorBuildNumber?: number;
  Version?: string;
}

/** t:Path or an element of its substitution group; `$element` says which. */
export type PathGroup =
  | ({ $element: 'FieldURI' } & PathToUnindexedFieldType)
  | ({ $element: 'IndexedFieldURI' } & PathToIndexedFieldType)
  | ({ $element: 'ExtendedFieldURI' } & PathToExtendedFieldType);

/** t:Transition or an element of its substitution group; `$element` says which. */
export type TransitionGroup =
  | ({ $element: 'Transition' } & TransitionTypeOrDerived)
  | ({ $element: 'AbsoluteDateTransition' } & AbsoluteDateTransitionType)
  | ({ $element: 'RecurringDayTransition' } & RecurringDayTransitionType)
  | ({ $element: 'RecurringDateTransition' } & RecurringDateTransitionType);