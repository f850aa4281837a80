import { render } from 'preact';
import { ChatPage } from './chat.tsx';
import '../base.css';
import './chat.css';

render(<ChatPage />, document.getElementById('chat')!);
