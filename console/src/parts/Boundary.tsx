import { Component, type ReactNode } from 'react';

/** A page that fails to draw shows what went wrong in place; the menu, the session and the other pages stay usable. */
export class Boundary extends Component<{ children: ReactNode; message: string }, { error?: Error }> {
  state: { error?: Error } = {};

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  render() {
    return this.state.error ? <p role="alert" className="error">{this.props.message}: {this.state.error.message}</p> : this.props.children;
  }
}
