/** @xsd t:DayOfWeekType (types.xsd) */
export type DayOfWeekType =
  'Sunday' | 'Monday' | 'Tuesday' | 'Wednesday' | 'Thursday' | 'Friday' | 'Saturday' | 'Day' | 'Weekday' | 'WeekendDay';
/** Every value of DayOfWeekType, in schema order. */
export const DayOfWeekType: readonly DayOfWeekType[] = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Day',
  'Weekday',
  'WeekendDay',
];

/**
 * @xsd t:PhoneCallStateType (types.xsd)
 * @since Exchange2010_SP1
 */
export type PhoneCallStateType =
  'Idle' | 'Connecting' | 'Alerted' | 'Connected' | 'Disconnected' | 'Incoming' | 'Transferring' | 'Forwarding';
/** Every value of PhoneCallStateType, in schema order. */
export const PhoneCallStateType: readonly PhoneCallStateType[] = [
  'Idle',
  'Connecting',
  'Alerted',
  'Connected',
  'Disconnected',
  'Incoming',
  'Transferring',
  'Forwarding',
];

/**
 * @xsd t:ConnectionFailureCauseType (types.xsd)
 * @since Exchange2010_SP1
 */
export type ConnectionFailureCauseType = 'None' | 'UserBusy' | 'NoAnswer' | 'Unavailable' | 'Other';
/** Every value of ConnectionFailureCauseType, in schema order. */
export const ConnectionFailureCauseType: readonly ConnectionFailureCauseType[] = [
  'None',
  'UserBusy',
  'NoAnswer',
  'Unavailable',
  'Other',
];