// The checks of the scripts that npm test runs (two instances, security, graceful stop): each prints ok or
// FAIL as it goes, and the script ends with a summary and exit code 1 when any failed.

export class Checks {
  list = [];

  /** Records and prints one check; returns whether it held. */
  check = (ok, what) => {
    this.list.push({ ok, what });
    console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${what}`);
    return ok;
  };

  get allHeld() {
    return this.list.length > 0 && this.list.every((c) => c.ok);
  }

  summary() {
    return this.allHeld ? `PASS: ${this.list.length} checks` : `FAIL: ${this.list.filter((c) => !c.ok).length} of ${this.list.length} checks failed`;
  }
}
