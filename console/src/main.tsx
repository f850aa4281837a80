import { render } from 'preact';
import { App } from './app.tsx';
import './base.css';
import './styles.css';

render(<App />, document.getElementById('app')!);
