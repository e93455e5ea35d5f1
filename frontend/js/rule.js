// The rule at the gate (一測溫、二登記、三受理) as the server states it: which decisions an
// entry allows, which one to propose, and why. Pure, so that it is tested on its own.

const tenths = (celsius) => Math.round(Number(celsius) * 10);

export function isFever(temperature, rule) {
  return temperature !== null && temperature !== undefined && tenths(temperature) >= tenths(rule.feverThreshold);
}

/**
 * {proposal, allowed, why: {key, params}, fever} for a health code and a temperature (°C or
 * null). proposal is null when nothing may be proposed yet (no code; or no readable code and
 * no temperature, which may only be turned away or referred).
 */
export function assess(code, temperature, rule) {
  const fever = isFever(temperature, rule);
  const notAdmitted = ['REFUSED', 'REFERRED'];
  if (!code) {
    return { proposal: null, allowed: [], why: { key: 'why.chooseCode' }, fever };
  }
  if (rule.neverAdmitted.includes(code)) {
    return { proposal: 'REFERRED', allowed: notAdmitted, why: { key: `why.${code}` }, fever };
  }
  if (fever) {
    return {
      proposal: 'REFERRED', allowed: notAdmitted, fever,
      why: { key: 'why.fever', params: { temperature, threshold: rule.feverThreshold } },
    };
  }
  if (rule.admittedOnlyWithTemperature.includes(code)) {
    return temperature === null || temperature === undefined
      ? { proposal: null, allowed: notAdmitted, why: { key: 'why.needTemp' }, fever }
      : { proposal: 'ADMITTED', allowed: ['ADMITTED', ...notAdmitted], why: { key: 'why.unreadOk' }, fever };
  }
  return {
    proposal: 'ADMITTED', allowed: ['ADMITTED', ...notAdmitted], fever,
    why: { key: temperature === null || temperature === undefined ? 'why.okNoTemp' : 'why.ok' },
  };
}

/** A temperature moved by a step of 0.1 °C, kept within the plausible range. */
export function adjust(temperature, steps, rule) {
  const start = temperature ?? 36.5;
  const value = (tenths(start) + steps) / 10;
  return Math.min(Number(rule.highestTemperature), Math.max(Number(rule.lowestTemperature), value));
}
