/**
 * Places a call with EWS PlayOnPhone (Exchange reads an item to the phone), polls
 * GetPhoneCallInformation until the call is connected or over, then hangs up with
 * DisconnectPhoneCall. `client` carries the transport: HTTP against your server, or a stub.
 */
import type { EwsClient } from '../generated/ews/index.js';

export interface PhoneCallLog {
  callId: string;
  states: string[];
}

export async function readItemOnPhone(
  client: EwsClient,
  itemId: string,
  dialString: string,
  { pollMs = 1000, maxPolls = 60 } = {},
): Promise<PhoneCallLog> {
  const placed = await client.playOnPhone({ ItemId: { Id: itemId }, DialString: dialString });
  const callId = placed.body.PhoneCallId!.Id;
  const states: string[] = [];
  for (let poll = 0; poll < maxPolls; poll++) {
    const info = await client.getPhoneCallInformation({ PhoneCallId: { Id: callId } });
    const state = info.body.PhoneCallInformation!.PhoneCallState;
    states.push(state);
    if (state === 'Connected' || state === 'Disconnected') break;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  if (states[states.length - 1] !== 'Disconnected') {
    await client.disconnectPhoneCall({ PhoneCallId: { Id: callId } });
  }
  return { callId, states };
}
